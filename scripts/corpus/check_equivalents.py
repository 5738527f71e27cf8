#!/usr/bin/python3
"""Runs every exact torch equivalent ("≡", `torchEquivalent`) Loss Lens emits on the corpus against the original code.

Usage (Debian's python, which has python3-torch 1.13; pyenv's python3 has no torch):

    npm run build
    /usr/bin/python3 scripts/corpus/check_equivalents.py [--every N] [--verbose] [--tuned-sets] [FILE...]

The default files are the rewrites' bases and variants, positive, realworld and the sample workspace (the report
test/analysis/equivalentsChecked.test.ts asserts); `--tuned-sets` takes every set tuned to instead of positive
(never a held-out set) and writes its report to test-artifacts/ for reading.

For each `kind: 'loss'` finding with a non-null `torchEquivalent`, the file is loaded as a module (missing imports
are stubbed). On a class or function definition, the class is built with its defaults (required arguments are
supplied when their name tells what they are: class count K = 7, padding index 0, ε 0.1, class weights; a class
count with a default is K too, as the inputs have K classes; an ε parameter defaulting to 0 or None that the call
names is set to 0.1, where smoothing shows), and the definition is called on random float64 inputs.
On a call site or construction (`LabelSmoothingLoss(10, smoothing=0.2)`, `criterion(logits, y)` where `criterion`
was so built, `self.crit(x, y)`, `F.cross_entropy(x, y, label_smoothing=0.1)`), the callee (a class or function
of the same file, or a torch loss) is built and called with the site's own arguments: literals and module
constants, parameters of the enclosing function (their default, else inferred from the name as above), and in a
method `self.<a>` that its class's __init__ sets once from those; the inputs get the class count the site gives
(else the callee's default). A site whose arguments are anything else (a config, a variable) is skipped, saying
which argument. A helper that builds the smoothed target (`smooth_targets(target, K, eps)`), whose equivalent is a
cross-entropy with reduction='none', is run as the cross-entropy per row against the target it returns, with the
labels, the class count and the site's other arguments. The equivalent string is evaluated with `nn`, `F`, `torch`, `K`, the
definition's parameters (and simple local constants), `self`, and `logits` / `target` / `log_probs` /
`target_probs` bound. A module result is called on (input, target); a tensor result is taken as is. Value and
gradient w.r.t. the logits must agree to 1e-9 relative.

Disagreements get hints: the equivalent re-evaluated with another reduction / ignore_index / fitted
label_smoothing, fed the logits / log-probabilities / probabilities, and whether only the gradient agrees (a constant
offset, e.g. KL vs cross-entropy).

A finding with no "≡" but a "closest" call (the message's "No exact torch equivalent: <why>; closest: `<call>`.") is
run the same way, and what <why> states is checked (`STATED`): with one stated difference, a constant factor must
scale value and gradient alike, a KL must agree in the gradient only, softmax-before-cross_entropy must agree once
fed softmax(logits); any other difference must show (the calls differ). A closest call that agrees to 1e-9, or that
a plain reduction / ignore_index / label_smoothing change makes exact, is a wrong statement; differences that need
inputs these have not (padding rows, weights passed, another parameter value) are "not exercised".

Prints a report and writes test/analysis/corpus/equivalents.json (read by test/analysis/equivalentsChecked.test.ts,
which needs no Python). Always exits 0.
"""
import argparse
import ast
import builtins
import contextlib
import glob
import inspect
import io
import json
import math
import os
import re
import subprocess
import sys
import traceback
import types
import warnings
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)

# `.float()` in the code under test would drop the float64 inputs to float32 and leave ~1e-8 differences that are
# not the analysis's fault: keep float64 (and turn integer/bool tensors into float64, the default dtype).
_orig_float = torch.Tensor.float


def _float_keep64(self, memory_format=torch.preserve_format):
    return self if self.dtype == torch.float64 else self.to(torch.get_default_dtype(), memory_format=memory_format)


torch.Tensor.float = _float_keep64
F32_RTOL = 1e-6  # residual float32 in the code (dtype=torch.float32 arguments): agreement at float32 precision

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test/analysis/corpus/equivalents.json")
OUT_TUNED = os.path.join(ROOT, "test-artifacts/equivalents-tuned.json")
RTOL = 1e-9
N, K, T = 8, 7, 3
PAD = 0
EPS_DEFAULT = 0.1

K_NAMES = {"classes", "num_classes", "n_classes", "nclasses", "nclass", "num_class", "n_class", "class_num",
           "classes_num", "size", "vocab_size", "tgt_vocab_size", "num_labels", "n_labels", "k", "n_cls", "num_cls"}
PAD_NAMES = {"padding_idx", "pad_idx", "ignore_index", "pad_id", "trg_pad_idx", "tgt_pad_idx", "padding_index",
             "pad_index", "ignore_idx", "pad", "pad_token_id", "padding_id"}
EPS_NAMES = {"smoothing", "eps", "epsilon", "label_smoothing", "alpha", "smooth", "smooth_eps", "ls", "smoothing_eps",
             "label_smooth", "smooth_ratio", "label_smooth_val", "lb_smooth"}
INPUT_FIRST_NAMES = {"model_output"}  # dict-style model outputs: {"logits": x}


class Skip(Exception):
    pass


# ---------------------------------------------------------------- module loading with stubbed imports


class _StubBase(nn.Module):
    """base class standing in for a stubbed one (fairseq criterions, fastai's Module: whose subclasses may not call
    super().__init__(), so nn.Module's state is set up in __new__)."""

    def __new__(cls, *a, **k):
        self = super().__new__(cls)
        nn.Module.__init__(self)
        return self

    def __init__(self, *a, **k):
        super().__init__()


class _Stub:
    def __init__(self, name="stub"):
        object.__setattr__(self, "_name", name)

    def __getattr__(self, k):
        if k.startswith("__") and k.endswith("__"):
            raise AttributeError(k)
        return _Stub(f"{self._name}.{k}")

    def __call__(self, *a, **k):
        if len(a) == 1 and not k and (isinstance(a[0], type) or inspect.isfunction(a[0])):
            return a[0]  # decorator
        return _Stub(self._name + "()")

    def __mro_entries__(self, bases):
        return (_StubBase,)

    def __getitem__(self, k):
        return _Stub(self._name + "[]")

    def __iter__(self):
        return iter(())

    def __bool__(self):
        return False

    def __repr__(self):
        return f"<stub {self._name}>"


class _StubModule(types.ModuleType):
    def __getattr__(self, k):
        if k.startswith("__") and k.endswith("__"):
            raise AttributeError(k)
        return _Stub(f"{self.__name__}.{k}")


class _PartialModule(types.ModuleType):
    def __init__(self, real):
        super().__init__(real.__name__)
        self._real = real

    def __getattr__(self, k):
        try:
            return getattr(self._real, k)
        except AttributeError:
            return _Stub(f"{self.__name__}.{k}")


_real_import = builtins.__import__


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if level > 0:
        return _StubModule(name or "relative")
    try:
        m = _real_import(name, globals, locals, fromlist, level)
    except Exception:
        return _StubModule(name)
    if fromlist and any(n != "*" and not hasattr(m, n) for n in fromlist):
        return _PartialModule(m)
    return m


class _FallbackBuiltins(dict):
    """builtins whose missing names are stubs: for files with `from <stubbed module> import *`."""

    def __missing__(self, k):
        return _Stub(k)


_BUILTINS = dict(builtins.__dict__, __import__=_import)
_BUILTINS_FALLBACK = _FallbackBuiltins(_BUILTINS)
_modules = {}


def load_module(path):
    """exec the file statement by statement; a failing statement is retried without decorators, then skipped."""
    if path in _modules:
        return _modules[path]
    src = open(path).read()
    tree = ast.parse(src)
    name = "lossmod_" + os.path.relpath(path, ROOT).replace("/", "_").replace(".", "_").replace("-", "_")
    mod = types.ModuleType(name)
    mod.__file__ = path
    stubbed_star = False
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names):
            stubbed_star |= n.level > 0 or isinstance(_import(n.module, fromlist=("*",)), _StubModule)
    mod.__dict__["__builtins__"] = _BUILTINS_FALLBACK if stubbed_star else _BUILTINS
    sys.modules[name] = mod
    failed = []
    for stmt in tree.body:
        tries = [stmt]
        if isinstance(stmt, (ast.ClassDef, ast.FunctionDef)) and stmt.decorator_list:
            bare = ast.parse(ast.unparse(stmt)).body[0]
            bare.decorator_list = []
            ast.copy_location(bare, stmt)
            tries.append(bare)
        for i, s in enumerate(tries):
            try:
                code = compile(ast.fix_missing_locations(ast.Module(body=[s], type_ignores=[])), path, "exec")
                with contextlib.redirect_stdout(io.StringIO()):  # the file's own prints
                    exec(code, mod.__dict__)
                break
            except BaseException as e:  # noqa: BLE001 (SystemExit from scripts too)
                if i == len(tries) - 1:
                    failed.append((stmt.lineno, f"{type(e).__name__}: {e}"[:120]))
    _modules[path] = (mod, tree, failed)
    return _modules[path]


def find_def(tree, line):
    """(node, top_level) for the class/def whose keyword (or first decorator) is on `line`."""
    for parent in ast.walk(tree):
        for node in getattr(parent, "body", []) if isinstance(getattr(parent, "body", None), list) else []:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = {node.lineno} | {d.lineno for d in node.decorator_list}
                if line in lines:
                    return node, parent is tree
    return None, False


def local_constants(node):
    """`name = <number>` assignments inside the definition (e.g. a hard-coded `eps = 0.1`)."""
    out = {}
    for n in ast.walk(node):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            try:
                v = ast.literal_eval(n.value)
            except Exception:
                continue
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.setdefault(n.targets[0].id, v)
    return out


# ---------------------------------------------------------------- argument inference


def infer_value(name, eps_param, alias=None):
    for nm in (alias, name):
        if nm is None:
            continue
        low = nm.lower()
        if nm == eps_param or low in EPS_NAMES:
            return EPS_DEFAULT
        if low in K_NAMES:
            return K
        if low in PAD_NAMES:
            return PAD
        if low in ("weights", "mask", "output_mask", "target_mask"):
            return "$ONES_LIKE_TARGET"
        if "weight" in low:
            return torch.rand(K, generator=torch.Generator().manual_seed(5)) + 0.5
    raise Skip(f"cannot infer required argument `{name}`")


def forward_of(cls):
    """what calling an instance of the class runs (unbound)."""
    return cls.forward if hasattr(cls, "forward") else cls.__call__


def params_of(fn, drop_self):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return []
    ps = [p for p in sig.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if drop_self and ps and ps[0].name == "self":
        ps = ps[1:]
    return ps


def bind_params(ps, eps_param, aliases, spec_values, given=None, lift_eps=False):
    """values for the parameters: those a call site `given`, defaults, else inferred from the name (or the base's
    name for the same position). lift_eps: an ε parameter defaulting to 0 or None gets ε = 0.1 (a call written in
    it must hold there too, and at 0 nothing about smoothing would be tested)."""
    vals = dict(given or {})
    if lift_eps and eps_param:
        vals.update({p.name: EPS_DEFAULT for p in ps if p.name == eps_param and p.name not in vals
                     and p.default in (0, None) and not isinstance(p.default, bool)})
    if aliases and len(aliases) == len(ps) - 1:
        # shape-ctor-num-classes added a required class count: first for classes, keyword-only last for functions
        kwonly = ps[-1].kind == inspect.Parameter.KEYWORD_ONLY and ps[-1].default is inspect.Parameter.empty
        aliases = aliases + ["num_classes"] if kwonly else ["num_classes"] + aliases
    if aliases and len(aliases) != len(ps):
        aliases = None  # positions do not line up
    for i, p in enumerate(ps):
        if p.name in vals:
            continue
        alias = aliases[i] if aliases else None
        class_count = p.name.lower() in K_NAMES and isinstance(p.default, int) and not isinstance(p.default, bool)
        if class_count:
            vals[p.name] = K  # a class count defaulting to another K than the inputs' would not fit them
        elif p.default is not inspect.Parameter.empty:
            vals[p.name] = p.default
        elif alias in spec_values:
            vals[p.name] = spec_values[alias]
        else:
            vals[p.name] = infer_value(p.name, eps_param, alias)
    return vals


# ---------------------------------------------------------------- inputs


# input layouts: 2-D (N, K); 3-D with the class axis at dim 1 (N, K, T), as nn.CrossEntropyLoss takes it; 3-D with the
# class axis last (N, T, K) with (N, T) or flattened (N·T,) targets, as sequence losses take it. For the class-last
# layouts the equivalent is applied to the flattened (N·T, K) view (the only reading torch losses support).
LAYOUTS = ("2d", "3d-dim1", "3d-last", "3d-last-flat-target")


def make_inputs(seed, target_kind, mode, layout="2d"):
    g = torch.Generator().manual_seed(seed)
    shape = {"2d": (N, K), "3d-dim1": (N, K, T)}.get(layout, (N, T, K))
    cls_dim = -1 if layout.startswith("3d-last") else 1
    z = (torch.randn(*shape, generator=g) * 1.5).requires_grad_(True)
    if target_kind == "binary":
        t = (torch.rand(*shape, generator=g) > 0.5).double()
    elif target_kind == "soft":
        t = torch.softmax(torch.randn(*shape, generator=g) * 2, dim=cls_dim)
    else:
        tshape = {"2d": (N,), "3d-dim1": (N, T), "3d-last": (N, T)}.get(layout, (N * T,))
        t = torch.randint(0, K, tshape, generator=g)
        t.view(-1)[0] = 0
        t.view(-1)[3] = 0
        t.view(-1)[1] = K - 1

    def make_x():
        """the code's input, recomputed from the logits z on every call (a fresh autograd graph)."""
        if mode == "logits":
            return z
        if mode == "logprobs":
            return F.log_softmax(z, dim=cls_dim)
        if mode == "probs":
            return torch.sigmoid(z) if target_kind == "binary" else torch.softmax(z, dim=cls_dim)
        raise ValueError(mode)

    return z, make_x, t


def first_tensor(out):
    if isinstance(out, (tuple, list)) and out:
        out = out[0]
    if isinstance(out, dict):
        out = out.get("loss", next(iter(out.values())))
    if not torch.is_tensor(out):
        if isinstance(out, (int, float)):
            return torch.tensor(float(out))
        raise Skip(f"returns {type(out).__name__}, not a tensor")
    return out


def value_and_grad(fn, z):
    if z.grad is not None:
        z.grad = None
    out = first_tensor(fn())
    if out.requires_grad:
        (g,) = torch.autograd.grad(out.sum(), z, allow_unused=True, retain_graph=False)
    else:
        g = None
    return out.detach(), (g if g is not None else torch.zeros_like(z))


def close(a, b, rtol=RTOL):
    if a.shape != b.shape:
        return False
    a, b = a.double(), b.double()
    if not (torch.isfinite(a).all() and torch.isfinite(b).all()):
        return bool(torch.equal(a, b))
    scale = max(a.abs().max().item() if a.numel() else 0.0, b.abs().max().item() if b.numel() else 0.0, 1e-300)
    return (a - b).abs().max().item() <= rtol * scale + 1e-15


def rel_diff(a, b):
    if a.shape != b.shape:
        return float("inf")
    scale = max(a.abs().max().item(), b.abs().max().item(), 1e-300)
    return (a - b).abs().max().item() / scale


def short(t):
    if t.numel() == 1:
        return round(t.item(), 10)
    return f"tensor{tuple(t.shape)}"


# ---------------------------------------------------------------- evaluating the equivalent


class _NNProxy:
    """`nn` with keyword overrides injected into loss-module constructors (for hints)."""

    def __init__(self, overrides):
        self._ov = overrides

    def __getattr__(self, k):
        real = getattr(nn, k)
        if not self._ov or not (isinstance(real, type) and issubclass(real, nn.modules.loss._Loss)):
            return real
        ov = self._ov

        def make(*a, **kw):
            kw = dict(kw)
            for key, v in ov.items():
                if key == "ignore_index" and "ignore_index" not in inspect.signature(real).parameters:
                    continue
                if key == "label_smoothing" and "label_smoothing" not in inspect.signature(real).parameters:
                    continue
                if key == "reduction" and v == "batchmean" and real is not nn.KLDivLoss:
                    continue
                kw[key] = v
            return real(*a, **kw)

        return make


def eval_equivalent(eq, ns, x, t, overrides=None):
    env = dict(ns)
    env.update(nn=_NNProxy(overrides) if overrides else nn, F=F, torch=torch, math=math)
    res = eval(eq, {"__builtins__": builtins.__dict__}, env)
    if isinstance(res, nn.Module) or (callable(res) and not torch.is_tensor(res)):
        res = res(x, t)
    return res


# ---------------------------------------------------------------- one finding


def classify_target(eq, spec):
    if spec and spec.get("target"):
        return {"index_pad": "index"}.get(spec["target"], spec["target"]), True
    if "BCE" in eq:
        return "binary", False
    if "target_probs" in eq or "KLDiv" in eq:
        return "soft", False
    return "index", False


def modes_for(spec, target_kind):
    if spec and spec.get("input"):
        return [spec["input"]]
    if target_kind == "binary":
        return ["logits", "probs"]
    return ["logits", "logprobs"]


# ---------------------------------------------------------------- call sites and constructions


class Site:
    """a call site or a construction: the callee, its definition node, and the values of the site's own arguments by
    parameter name (`init` for a class's constructor, `call` for the call after (input, target)); `names` are the
    enclosing function's parameters the arguments name, bound as the equivalent may name them too."""

    def __init__(self, callee, node, init, call, names, k):
        self.callee, self.node, self.init, self.call, self.names, self.k = callee, node, init, call, names, k


TORCH_ENV = {"nn": nn, "F": F, "torch": torch}


def calls_at(tree, line, column):
    """the outermost call starting at (line, column) (1-based column: the CLI's), else the line's outermost calls."""
    on_line = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == line]
    exact = [n for n in on_line if n.col_offset == column - 1] or on_line
    inner = {id(n.func) for n in exact} | {id(a) for n in exact for a in ast.walk(n) if a is not n}
    return [n for n in exact if id(n) not in inner]


def enclosing(tree, line, kinds):
    """the innermost node of `kinds` whose lines contain `line`."""
    best = None
    for n in ast.walk(tree):
        if isinstance(n, kinds) and n.lineno <= line <= n.end_lineno and (best is None or n.lineno >= best.lineno):
            best = n
    return best


def enclosing_function(tree, line):
    """the innermost function (def or async def) whose lines contain `line`."""
    return enclosing(tree, line, (ast.FunctionDef, ast.AsyncFunctionDef))


def eval_plain(expr, env):
    """the value of the expression `expr` (an ast node) with `env` bound and no builtins."""
    return eval(compile(ast.Expression(expr), "<site>", "eval"), {"__builtins__": {}}, dict(env))


def site_args(call, ps):
    """the expression the call passes for each parameter of `ps` (positionally, else by keyword), or None."""
    if call is None:
        return [None] * len(ps)
    by_kw = {k.arg: k.value for k in call.keywords}
    return [call.args[i] if i < len(call.args) else by_kw.get(p.name) for i, p in enumerate(ps)]


def module_names(mod):
    """the module's own names (not its dunders), as the equivalent is evaluated with them."""
    return {k: v for k, v in mod.__dict__.items() if not k.startswith("__")}


def module_constants(mod):
    """module-level names bound to plain values (numbers, strings, None, tuples of them)."""
    plain = (int, float, str, bool, type(None))
    out = {"math": math}
    for k, v in mod.__dict__.items():
        if isinstance(v, plain) or (isinstance(v, (tuple, list)) and all(isinstance(x, plain) for x in v)):
            out[k] = v
    return out


def site_value(expr, consts, params, names, attrs=None):
    """the value of an argument at the site: a literal or module constant, a parameter of the enclosing function
    (its default, else inferred from its name, and bound under that name for the equivalent), or in a method an
    attribute `self.<a>` its class's __init__ sets once (as that, the class built with its defaults)."""
    try:
        return eval_plain(expr, consts)
    except Exception:  # noqa: BLE001
        pass
    if isinstance(expr, ast.Name) and expr.id in params:
        p = params[expr.id]
        if p is not None:
            return site_value(p, consts, {}, names)
        names[expr.id] = infer_value(expr.id, None)
        return names[expr.id]
    if attrs and ast.unparse(expr) in attrs["set"]:
        return site_value(attrs["set"][ast.unparse(expr)], consts, attrs["params"], names)
    raise Skip(f"argument `{ast.unparse(expr)[:40]}` is not a literal, module constant, parameter or attribute set "
               "once from them")


def init_attributes(tree, line):
    """`self.<a>` -> the expression the enclosing class's __init__ assigns it (only attributes assigned once)."""
    cls = enclosing(tree, line, ast.ClassDef)
    init = cls and next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
    if init is None:
        return None
    seen = Counter()
    exprs = {}
    for n in ast.walk(cls):
        targets = n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, (ast.AugAssign,
                                                                                           ast.AnnAssign)) else []
        for t in targets:
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                seen[ast.unparse(t)] += 1
                if isinstance(n, ast.Assign) and len(n.targets) == 1:
                    exprs[ast.unparse(t)] = n.value
    # a parameter __init__ assigns again (`if eps is None: eps = 0.1`) is not its default any more
    reassigned = {t.id for n in ast.walk(init) for t in (n.targets if isinstance(n, ast.Assign) else [
        getattr(n, "target", None)]) if isinstance(t, ast.Name)}
    params = {k: v for k, v in enclosing_params(init).items() if k not in reassigned}
    return {"set": {k: v for k, v in exprs.items() if seen[k] == 1}, "params": params}


def enclosing_params(fn):
    """name -> default expression (None when required) of the enclosing function's parameters."""
    if fn is None:
        return {}
    a = fn.args
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    out = {p.arg: d for p, d in zip(pos, defaults)}
    out.update({p.arg: d for p, d in zip(a.kwonlyargs, a.kw_defaults)})
    out.pop("self", None)
    return out


def construction_of(func, tree, line):
    """the construction a called name or `self.<attr>` was assigned (in the enclosing function or class)."""
    scope = (enclosing(tree, line, ast.ClassDef) if isinstance(func, ast.Attribute)
             else enclosing_function(tree, line)) or tree
    want = ast.unparse(func)
    found = None
    for n in ast.walk(scope):
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and any(ast.unparse(t) == want for t in n.targets):
            if isinstance(func, ast.Attribute) or n.lineno < line:
                found = n if found is None or n.lineno > found.lineno else found
    return found


def callee_of(func_expr, mod, tree):
    """(object, definition node) of a callee: a class or function defined in the file, or a torch loss."""
    if isinstance(func_expr, ast.Name):
        obj = mod.__dict__.get(func_expr.id)
        for n in tree.body:
            if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == func_expr.id and obj is not None:
                return obj, n
        if obj is None or isinstance(obj, _Stub):
            raise Skip("callee imported from another file (not followed)")
    try:
        obj = eval_plain(func_expr, TORCH_ENV)
    except Exception:  # noqa: BLE001
        raise Skip("callee neither defined in the file nor a torch call") from None
    if (isinstance(obj, type) and issubclass(obj, nn.modules.loss._Loss)) or getattr(obj, "__module__", "") == \
            "torch.nn.functional":
        return obj, None
    raise Skip("callee neither defined in the file nor a torch call")


def bind_site_args(fn, drop_self, call, skip_first, consts, params, names, attrs):
    """parameter -> value for the site's arguments (the first `skip_first` are the input and target, not evaluated)."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        raise Skip("the site passes *args or **kwargs")
    ps = params_of(fn, drop_self)
    out = {}
    for i, (p, expr) in enumerate(zip(ps, site_args(call, ps))):
        if expr is not None and i >= skip_first:
            out[p.name] = site_value(expr, consts, params, names, attrs)
    return out


def call_site(finding, mod, tree):
    """what a call-site / construction finding names, built with the site's own arguments."""
    calls = calls_at(tree, finding["line"], finding["column"])
    if len(calls) != 1:
        raise Skip("no single call at the site")
    site_call = calls[0]
    fn_node = enclosing_function(tree, finding["line"])
    params = enclosing_params(fn_node)
    consts = module_constants(mod)
    attrs = init_attributes(tree, finding["line"])
    names = {}
    ctor, called = None, None
    if isinstance(site_call.func, ast.Call):  # Cls(...)(input, target)
        ctor, called = site_call.func, site_call
    else:
        try:
            obj, _ = callee_of(site_call.func, mod, tree)
        except Skip:
            assigned = construction_of(site_call.func, tree, finding["line"])
            if assigned is None:
                raise
            ctor, called = assigned.value, site_call
            params = enclosing_params(enclosing_function(tree, assigned.lineno))
        else:
            if isinstance(obj, type):
                ctor = site_call
            else:
                called = site_call
    if ctor is not None:
        obj, node = callee_of(ctor.func, mod, tree)
        init = bind_site_args(obj.__init__, True, ctor, 0, consts, params, names, attrs)
        call = {}
        if called is not None:
            call = bind_site_args(forward_of(obj), True, called, 2, consts, enclosing_params(fn_node), names, attrs)
    else:
        obj, node = callee_of(called.func, mod, tree)
        if node is not None and not isinstance(obj, type) and HELPER_NAME.search(node.name.lower()):
            return Site(obj, node, {}, {}, {}, None)  # a target helper: its arguments are read by check_helper
        init, call = {}, bind_site_args(obj, False, called, 2, consts, params, names, attrs)
    given = {**init, **call}
    # the class count the site gives, else the callee's default one: the inputs get that many classes
    defaults = {p.name: p.default for p in (params_of(obj.__init__, True) if isinstance(obj, type) else params_of(obj, False))}
    ks = [v for n, v in {**defaults, **given}.items() if n.lower() in K_NAMES and type(v) is int]
    return Site(obj, node, init, call, names, ks[0] if ks else None)


HELPER_NAME = re.compile(r"(target|label|one_hot|onehot)s?$|^(smooth|build|make|mixup)_?(ed_)?(target|label|one_hot)")


HELPER_INPUT_NAMES = {"logits", "logit", "logp", "lprobs", "log_probs", "logprobs", "pred", "preds", "input", "inputs",
                      "x", "output", "outputs", "scores", "probs", "pred_probs"}
BATCH_NAMES = {"n", "batch_size", "bs", "num_samples", "batch"}
LABEL_NAMES = {"target", "targets", "label", "labels", "y", "gt", "true", "y_true", "truth", "classes_idx", "idx"}


def helper_values(obj, site_call, eps_param, eq, consts, params, attrs):
    """a target helper's arguments: the labels and the class count where the site passes them (any expression), the
    rest as the site gives them (literals, constants, parameters, attributes set once), else the defaults. An ε the
    site gives by another expression is 0.1 when the equivalent names the ε parameter (it then holds for any)."""
    ps = params_of(obj, False)
    named = [p.name for p in ps if p.name.lower() in LABEL_NAMES]
    labels = named[0] if named else ps[0].name if ps else None
    vals = {}
    for p, expr in zip(ps, site_args(site_call, ps)):
        low = p.name.lower()
        if p.name == labels:
            continue
        if low in HELPER_INPUT_NAMES:  # a tensor whose shape the target takes (`torch.full_like(logp, ...)`)
            vals[p.name] = torch.zeros(N, K)
        elif low in BATCH_NAMES and p.default is inspect.Parameter.empty:
            vals[p.name] = N
        elif low in K_NAMES and (expr is not None or p.default is inspect.Parameter.empty):
            vals[p.name] = K
        elif expr is not None:
            try:
                vals[p.name] = site_value(expr, consts, params, {}, attrs)
            except Skip:
                if p.name != eps_param or not re.search(rf"\b{re.escape(p.name)}\b", eq):
                    raise
                vals[p.name] = EPS_DEFAULT
        elif p.default is not inspect.Parameter.empty:
            vals[p.name] = EPS_DEFAULT if p.name == eps_param and p.default in (0, None) else p.default
        else:
            vals[p.name] = infer_value(p.name, eps_param)
    if labels is None:
        raise Skip("target-building helper without parameters")
    return labels, vals


def check_helper(finding, mod, obj, tree, site_call):
    """a helper that builds the smoothed target: cross-entropy against what it returns, per row, against the
    equivalent (written with reduction='none')."""
    eq = finding["torchEquivalent"]
    if "CrossEntropyLoss(" not in eq or "reduction='none'" not in eq or ")(" in eq:
        raise Skip("target-building helper, not a loss")
    consts = module_constants(mod)
    fn_node = enclosing_function(tree, finding["line"]) if site_call else None
    labels, vals = helper_values(obj, site_call, finding.get("epsilonParam"), eq, consts, enclosing_params(fn_node),
                                 init_attributes(tree, finding["line"]) if site_call else None)
    z, _, t = make_inputs(1234, "index", "logits")
    try:
        q = obj(**{labels: t.clone()}, **vals)
    except Exception as e:  # noqa: BLE001
        raise Skip(f"code raised on every input tried: helper raised {type(e).__name__}") from e
    q = q[0] if isinstance(q, (tuple, list)) else q
    if not torch.is_tensor(q) or q.shape != (N, K):
        raise Skip("target-building helper returns no (N, K) target")
    q = q.detach().double()
    v0, g0 = value_and_grad(lambda: -(q * F.log_softmax(z, dim=1)).sum(1), z)
    ns = module_names(mod)
    ns.update(vals)
    ns["K"] = K
    run = dict(tk="index", mode="logits", layout="2d", z=z, make_x=lambda: z, t=t, v0=v0, g0=g0)
    res = compare(eq, ns, run)
    if res.get("unbound"):
        raise Skip(f"equivalent uses unbound name `{res['unbound']}`")
    status = "agree" if res["agree"] else "disagree"
    if not res["agree"]:
        res["hints"] = hints(eq, ns, run)
    return {"status": status, **describe(run), **res, "helper": True}


def check(finding, path, spec, base_aliases):
    """a definition built with its defaults, or a call site / construction with its own arguments (`Site`)."""
    global K
    mod, tree, _failed = load_module(path)
    node, top = find_def(tree, finding["line"])
    site = None
    if node is None:
        site = call_site(finding, mod, tree)
        obj, node = site.callee, site.node
    else:
        if not top:
            raise Skip("method or nested definition")
        obj = mod.__dict__.get(node.name)
        if obj is None:
            raise Skip("symbol not defined after import")
        # the definition on this line may have been shadowed by a later one with the same name
        if getattr(obj, "__code__", None) is not None and obj.__code__.co_firstlineno not in (
            {node.lineno} | {d.lineno for d in node.decorator_list}
        ):
            raise Skip("symbol redefined later in the file")
    if not isinstance(obj, type) and node is not None and HELPER_NAME.search(node.name.lower()):
        site_call = calls_at(tree, finding["line"], finding["column"])[0] if site else None
        return {**check_helper(finding, mod, obj, tree, site_call), "at": "site" if site else "definition"}
    saved_k = K
    K = site.k if site and site.k else K
    try:
        return {**check_built(finding, mod, obj, node, site, spec, base_aliases), "at": "site" if site else "definition"}
    finally:
        K = saved_k


def is_pad_name(name):
    return name.lower().strip("_") in PAD_NAMES


def pad_filled(ps, vals):
    """the padding index 0 for the parameters of `ps` named like one that `vals` leave None (or unset)."""
    return {p.name: PAD for p in ps if is_pad_name(p.name) and vals.get(p.name) is None}


def bind_padding(ns):
    """`padding_idx` in an equivalent (the k−2 convention's call names it so) is the code's padding index, whatever
    the code calls it: a parameter, a module constant or an attribute of the built instance named like one."""
    if "padding_idx" in ns:
        return
    own = vars(ns["self"]) if isinstance(ns.get("self"), nn.Module) else {}
    for k, v in [*ns.items(), *own.items()]:
        if is_pad_name(k) and isinstance(v, int) and not isinstance(v, bool):
            ns["padding_idx"] = v
            return


def check_built(finding, mod, obj, node, site, spec, base_aliases):
    eq = finding["torchEquivalent"]
    eps_param = finding.get("epsilonParam")
    target_kind, from_spec = classify_target(eq, spec)
    lift_eps = bool(eps_param and re.search(rf"\b{re.escape(eps_param)}\b", eq))

    ns = module_names(mod)
    if node is not None:
        ns.update(local_constants(node))
    if site:
        ns.update(site.names)
    spec_values = {}
    if spec:
        for key in ("init", "call"):
            for k2, v in (spec.get(key) or {}).items():
                spec_values[k2] = K if v == "$K" else PAD if v == "$PAD" else v

    def build(pad_fill):
        """(callable, its call parameters, bindings) with defaults; pad_fill: None-defaulted padding args -> 0."""
        env = {}
        if isinstance(obj, type):
            init_ps = params_of(obj.__init__, True)
            init_vals = bind_params(init_ps, eps_param, base_aliases.get("init"), spec_values, site and site.init,
                                    lift_eps)
            if pad_fill:
                init_vals.update(pad_filled(init_ps, init_vals))
            try:
                inst = obj(**init_vals)
            except Skip:
                raise
            except Exception as e:
                raise Skip(f"constructor raised {type(e).__name__}") from e
            if node is not None and "store_attr()" in ast.unparse(node):  # fastai's store_attr() (stubbed here) stores the arguments
                for k2, v2 in init_vals.items():
                    if not hasattr(inst, k2):
                        setattr(inst, k2, v2)
            fwd = (inst.forward if isinstance(inst, nn.Module) and type(inst).forward is not nn.Module.forward
                   else inst.__call__)
            env.update(init_vals)
            env["self"] = inst
            return inst, params_of(fwd, False), env
        if not callable(obj):
            raise Skip("not callable")
        return obj, params_of(obj, False), env

    target_fn, call_ps, init_env = build(False)
    if len(call_ps) < 2:
        raise Skip("does not take (input, target) (forward(pred) or a helper returning target values)")
    call_aliases = base_aliases.get("call")
    call_aliases = call_aliases[2:] if call_aliases else None
    extra_vals = bind_params(call_ps[2:], eps_param, call_aliases, spec_values, site and site.call, lift_eps)
    ns.update(init_env)
    ns.update({k: v for k, v in extra_vals.items() if not isinstance(v, str) or not v.startswith("$")})
    ns["K"] = K
    bind_padding(ns)
    wrap_dict = call_ps[0].name in INPUT_FIRST_NAMES

    attempts = []
    ran = []
    target_kinds = [target_kind] if from_spec else [target_kind] + [
        k for k in ("index", "soft", "binary") if k != target_kind]
    tries = [(target_fn, extra_vals, ns)]
    for pad_fill in (False, True):
        if pad_fill:
            if ran:
                break
            try:
                fn2, ps2, env2 = build(True)
            except Skip:
                break
            ev2 = dict(extra_vals)
            ev2.update(pad_filled(ps2[2:], ev2))
            if env2 == init_env and ev2 == extra_vals:
                break
            ns2 = dict(ns)
            ns2.update(env2)
            ns2.update({k: v for k, v in ev2.items() if not isinstance(v, str)})
            bind_padding(ns2)
            tries = [(fn2, ev2, ns2)]
        for fn, ev, nsx in tries:
            for tk in target_kinds:
                for mode in modes_for(spec, tk):
                    for layout in LAYOUTS:
                        if layout == "3d-last-flat-target" and tk != "index":
                            continue
                        z, make_x, t = make_inputs(1234, tk, mode, layout)
                        kw = {k: (torch.ones(t.shape) if v == "$ONES_LIKE_TARGET" else v) for k, v in ev.items()}

                        def call_code():
                            x = make_x()
                            return fn({"logits": x} if wrap_dict else x, t.clone(), **kw)

                        try:
                            v0, g0 = value_and_grad(call_code, z)
                        except Skip:
                            raise
                        except Exception as e:  # noqa: BLE001
                            attempts.append(f"{tk}/{mode}/{layout}: {type(e).__name__}: {str(e)[:80]}")
                            continue
                        if not torch.isfinite(v0).all():
                            attempts.append(f"{tk}/{mode}/{layout}: non-finite output")
                            continue
                        if tk == "index" and v0.dim() >= 1 and v0.shape == z.shape:
                            attempts.append(f"{tk}/{mode}: returns an input-shaped tensor (a target builder?)")
                            continue
                        run = dict(tk=tk, mode=mode, layout=layout, z=z, make_x=make_x, t=t, v0=v0, g0=g0,
                                   pad_fill=pad_fill)
                        res = compare(eq, nsx, run)
                        ran.append((run, res, nsx))
                        if res["agree"]:
                            return {"status": "agree", **describe(run), **res}
                        break  # this target/mode ran: no other layout
    if not ran:
        raise Skip("code raised on every input tried: " + " | ".join(attempts[:3]))
    run, res, nsx = ran[0]
    if res.get("unbound"):
        if res["unbound"] == "target_probs" and run["tk"] == "index":
            res = {"agree": False, "original": short(run["v0"]), "equivalentValue": None,
                   "error": "equivalent needs a probability target (`target_probs`); the code takes class indices"}
            return {"status": "disagree", **describe(run), **res, "hints": []}
        raise Skip(f"equivalent uses unbound name `{res['unbound']}`")
    # report the input reading under which some variant of the equivalent agrees, else the first one that ran
    for r, rs, nsr in ran:
        if rs.get("f32"):
            run, res = r, rs
            return {"status": "agree-f32", **describe(run), **res}
    for r, rs, nsr in ran:
        rs["hints"] = hints(eq, nsr, r)
        if rs["hints"][0].startswith(("agrees", "gradient agrees")):
            run, res = r, rs
            break
    else:
        run, res, _ = ran[0]
    return {"status": "disagree", **describe(run), **res}


def describe(run):
    out = {"target": run["tk"], "input": run["mode"], "layout": run["layout"]}
    if run.get("pad_fill"):
        out["note"] = "built with padding index 0 (the defaults raise)"
    return out


def flat_for_eq(run, x, t):
    """class-last 3-D layouts: the equivalent gets the (N·T, K) view."""
    if run["layout"].startswith("3d-last"):
        return x.reshape(-1, K), t.reshape(-1) if run["tk"] == "index" else t.reshape(-1, K)
    return x, t


def equivalent_value(eq, ns, run, overrides=None, feed="input", target_logits=False):
    """feed: "input" (what the code got), "logits" or "log_probs" (hints). target_logits: `target_probs` is the
    softmax of the target the code was given (code that takes a teacher's logits and softmaxes them itself)."""
    z = run["z"]

    def call_eq():
        cls_dim = -1 if run["layout"].startswith("3d-last") else 1
        x, t = flat_for_eq(run, {"input": run["make_x"], "logits": lambda: z,
                                 "log_probs": lambda: F.log_softmax(z, dim=cls_dim),
                                 "probs": lambda: F.softmax(z, dim=cls_dim)}[feed](), run["t"].clone())
        zz = flat_for_eq(run, z, run["t"])[0]
        env = dict(ns)
        env.update(logits=zz, target=t, log_probs=F.log_softmax(zz, dim=1))
        if run["tk"] == "soft":
            env["target_probs"] = F.softmax(t, dim=1) if target_logits else t
        return eval_equivalent(eq, env, x, t, overrides)

    return value_and_grad(call_eq, z)


def compare(eq, ns, run):
    try:
        v1, g1 = equivalent_value(eq, ns, run)
    except NameError as e:
        name = str(e).split("'")[1] if "'" in str(e) else str(e)
        return {"agree": False, "unbound": name}
    except Exception as e:  # noqa: BLE001
        return {"agree": False, "original": short(run["v0"]), "equivalentValue": None,
                "error": f"equivalent raised {type(e).__name__}: {str(e)[:160]}"}
    v0, g0 = run["v0"], run["g0"]
    agree_v, agree_g = close(v0, v1), close(g0, g1)
    if not (agree_v and agree_g) and run["tk"] == "soft" and "target_probs" in eq:
        # the code computes its target distribution from the tensor it is given (`F.softmax(targets)`): the
        # equivalent's `target_probs` names that distribution
        try:
            v2, g2 = equivalent_value(eq, ns, run, target_logits=True)
            if close(v0, v2) and close(g0, g2):
                v1, g1, agree_v, agree_g = v2, g2, True, True
        except Exception:  # noqa: BLE001
            pass
    out = {"agree": agree_v and agree_g, "original": short(v0), "equivalentValue": short(v1),
           "valueAgrees": agree_v, "gradAgrees": agree_g}
    if not agree_v:
        out["relDiff"] = rel_diff(v0, v1)
    if agree_v and not agree_g:
        out["gradRelDiff"] = rel_diff(g0, g1)
    if not out["agree"] and close(v0, v1, F32_RTOL) and close(g0, g1, F32_RTOL):
        out["f32"] = True
    if not agree_v and v0.numel() == 1 and v1.numel() == 1 and v1.item() != 0:
        factor = v0.item() / v1.item()
        if close(g0, factor * g1):
            out["factor"] = factor
    return out


def hints(eq, ns, run):
    """other readings of the equivalent that would agree."""
    out = []
    v0, g0 = run["v0"], run["g0"]
    pad_opts = [None, {"ignore_index": PAD}] if run["tk"] == "index" else [None]
    reds = [None, "sum", "mean", "none", "batchmean"]
    tried = []
    for red in reds:
        for pad in pad_opts:
            ov = {}
            if red:
                ov["reduction"] = red
            if pad:
                ov.update(pad)
            if ov:
                tried.append(ov)
    feeds = (["input"] + (["logits"] if run["mode"] != "logits" else []) + (["log_probs"] if "KLDiv" in eq else [])
             + (["probs"] if "CrossEntropy" in eq and run["tk"] != "binary" else []))
    for feed in feeds:
        for ov in ([{}] + tried):
            try:
                v1, g1 = equivalent_value(eq, ns, run, ov or None, feed)
            except Exception:  # noqa: BLE001
                continue
            tag = (", ".join(f"{k}={v!r}" for k, v in ov.items()) or "as written") + (
                f" (fed the {feed} instead of the code's input)" if feed != "input" else "")
            if ov or feed != "input":
                if close(v0, v1, F32_RTOL) and close(g0, g1, F32_RTOL):
                    out.append(f"agrees with {tag}")
                    return out
            if close(g0, g1, F32_RTOL) and not close(v0, v1, F32_RTOL) and v0.numel() == 1 and v1.numel() == 1:
                out.append(f"gradient agrees with {tag}, value differs by a constant {v0.item() - v1.item():.6g}")
                return out
            if v0.numel() == 1 and v1.numel() == 1 and "CrossEntropyLoss" in eq and run["tk"] == "index":
                # CE is affine in label_smoothing: fit it
                try:
                    a, _ = equivalent_value(eq, ns, run, {**ov, "label_smoothing": 0.0}, feed)
                    b, _ = equivalent_value(eq, ns, run, {**ov, "label_smoothing": 1.0}, feed)
                except Exception:  # noqa: BLE001
                    continue
                if abs(b.item() - a.item()) < 1e-12:
                    continue
                ls = (v0.item() - a.item()) / (b.item() - a.item())
                if -1e-9 <= ls <= 1 + 1e-9:
                    ls = min(max(ls, 0.0), 1.0)
                    v2, g2 = equivalent_value(eq, ns, run, {**ov, "label_smoothing": ls}, feed)
                    if close(v0, v2, F32_RTOL) and close(g0, g2, F32_RTOL):
                        ovs = ", ".join(f"{k}={v!r}" for k, v in ov.items())
                        out.append(f"agrees with {ovs + ', ' if ovs else ''}label_smoothing={ls:.10g}"
                                   + (f" (fed the {feed})" if feed != "input" else ""))
                        return out
    if v0.shape != ():
        out.append(f"code returns shape {tuple(v0.shape)}")
    if not out:
        out.append("no reduction / ignore_index / label_smoothing variant of the equivalent agrees")
    return out


# ---------------------------------------------------------------- closest calls and their stated differences


CLOSEST = re.compile(r"No exact torch equivalent: (.*); closest: `(.*)`\.")

# what each stated difference (a substring of it) predicts on random inputs without padding rows or given weights:
# "differs" (the closest call must not agree), "gradient" (only the gradient agrees: a constant offset), "factor"
# (value and gradient differ by one constant factor), "probs" (agrees once fed softmax(logits)), or "maybe" (shows
# only on inputs these have not: padding rows, weights passed, a batch without a 1, another value of a parameter).
STATED = {
    "softmax is applied before cross_entropy": "probs",
    "a weight is multiplied into the log-probabilities": "maybe",
    "masked rows are zeroed but still counted": "maybe",
    "the result is multiplied by a factor": "factor",
    "the result of the torch loss is combined": "differs",
    "the true class's logit is changed (a margin)": "differs",
    "the logits are changed before the torch call": "differs",
    "the log-softmax is taken of logits changed": "differs",
    "only the largest per-sample losses": "differs",
    "the log is taken of a tensor the analysis cannot identify": "maybe",
    "the code sums the KL over the classes of each row": "differs",
    "computed by a call the analysis cannot see into": "maybe",
    "reduction='none' followed by a plain mean": "maybe",
    "it is a KL divergence": "gradient",
    "each sample is re-weighted": "differs",
    "some rows (padding) are masked out": "maybe",
    "the target distribution is computed in the code": "maybe",
    "torch spreads ε over all K classes": "differs",
    "the binary terms are reduced over one axis first": "differs",
    "the class count comes from the batch": "maybe",
    "a criterion it is given": "maybe",
    "is assigned again in the code": "maybe",
    "the trainer calls it on every token's logits": "maybe",
    "the inputs are sliced before the torch call": "differs",
    "the masked rows are taken out of the result": "maybe",
    "the log-probabilities kl_div takes are a log taken in the code": "differs",
    "while the formula this stands for is the one at the definition's defaults": "maybe",
}


def stated_kinds(why):
    kinds = []
    for part in why.split("; "):
        kind = next((k for s, k in STATED.items() if s in part), None)
        kinds.append(kind or "unknown")
    return kinds


def judge_closest(why, res):
    """(verdict, detail): whether the closest call and the code differ as stated."""
    kinds = stated_kinds(why)
    if "unknown" in kinds:
        return "unclassified", "a stated difference the checker does not know"
    hint = (res.get("hints") or [""])[0]
    shown = set(kinds) - {"maybe"}
    if res["status"] in ("agree", "agree-f32"):
        if not shown:
            return "not exercised", "agrees on these inputs; the stated difference needs others"
        if shown == {"factor"}:  # `loss * self.loss_weight` at its default 1.0, or a factor that is not there
            return "factor 1 here", "agrees to 1e-9: the factor is 1 on these inputs at the defaults"
        return "wrong", "agrees to 1e-9: the stated difference does not show"
    if hint.startswith("agrees with") and "fed the" not in hint:
        return "wrong", f"an exact call exists: {hint[len('agrees with '):]}"
    # with one difference stated, what it predicts; with several, only that the calls differ
    if shown == {"probs"}:
        return ("confirmed", hint) if "fed the probs" in hint else ("wrong", "not the call on softmax(logits)")
    if shown == {"gradient"}:
        ok = res.get("gradAgrees") or hint.startswith("gradient agrees")
        return ("confirmed", hint) if ok else ("wrong", "the gradient differs too, not only by a constant")
    if shown == {"factor"} and kinds == ["factor"]:
        return ("confirmed", f"factor {res['factor']:.6g}") if res.get("factor") else (
            "wrong", "value and gradient do not differ by one factor")
    return "confirmed", "differs" + (f" ({hint})" if hint else "")


# ---------------------------------------------------------------- corpus


def tuned_set_files():
    """Every labelled file of the sets tuned to (split other than holdout): the held-out sets stay unread."""
    files = []
    for labels in sorted(glob.glob(os.path.join(ROOT, "test/analysis/corpus/*/labels.json"))):
        with open(labels) as fh:
            entries = json.load(fh)
        folder = os.path.dirname(labels)
        files += [os.path.join(folder, name) for name, label in sorted(entries.items())
                  if label.get("split") != "holdout" and os.path.exists(os.path.join(folder, name))]
    return files


def corpus_files(every, tuned_sets):
    files = sorted(glob.glob(os.path.join(ROOT, "test/analysis/corpus/rewrites/bases/*.py")))
    if tuned_sets:
        files += tuned_set_files()
    else:
        files += sorted(glob.glob(os.path.join(ROOT, "test/analysis/corpus/positive/*.py")))
    files += sorted(glob.glob(os.path.join(ROOT, "test/analysis/realworld/*.py")))
    variants = sorted(glob.glob(os.path.join(ROOT, "test/analysis/corpus/rewrites/variants/*.py")))
    files += variants[::every]
    files += sorted(glob.glob(os.path.join(ROOT, "sample-workspace/**/*.py"), recursive=True))
    return [os.path.relpath(f, ROOT) for f in files]


def run_cli(files):
    out = subprocess.run(["node", "dist/cli.js", "explain", "--json", *files], cwd=ROOT, capture_output=True,
                         text=True)
    if not out.stdout.strip():
        sys.exit(f"cli failed: {out.stderr[:2000]}")
    return json.loads(out.stdout)


def read_spec(path):
    """spec of a base (from its header) for bases and their variants, and the base file for variants."""
    with open(os.path.join(ROOT, path)) as fh:
        head = [fh.readline() for _ in range(4)]
    base = None
    for line in head:
        if line.startswith("# rewrite-of: "):
            base = "test/analysis/corpus/rewrites/" + line.split()[2]
    src = base or path
    with open(os.path.join(ROOT, src)) as fh:
        for line in [fh.readline() for _ in range(4)]:
            if line.startswith("# spec: "):
                return json.loads(line[len("# spec: "):]), base
    return None, base


def base_aliases(base, spec, variant_path, node_name):
    """base parameter names, by position, for the variant's (maybe renamed) definition."""
    if not base or not spec:
        return {}
    try:
        bmod, _, _ = load_module(os.path.join(ROOT, base))
        bobj = bmod.__dict__[spec["symbol"]]
    except Exception:  # noqa: BLE001
        return {}
    if isinstance(bobj, type):
        return {"init": [p.name for p in params_of(bobj.__init__, True)],
                "call": [p.name for p in params_of(forward_of(bobj), True)]}
    return {"call": [p.name for p in params_of(bobj, False)]}


def run_finding(f, path, spec, base, import_failures):
    """(result, None) or (None, (skip key, fields for the skipped item)) for one finding and its call."""
    # the base spec only describes the base's own symbol (and its renamed copies in variants)
    use_spec = spec
    if spec and base is None and f["symbol"] != spec["symbol"]:
        use_spec = None
    if spec and base is not None:
        use_spec = spec if _variant_symbol_matches(path, f["symbol"], f["line"]) else None
    try:
        abspath = os.path.join(ROOT, path)
        mod, tree, failed = load_module(abspath)
        if failed:
            import_failures[path] = failed
        aliases = base_aliases(base, use_spec, path, f["symbol"]) if use_spec else {}
        torch.manual_seed(0)
        return check(f, abspath, use_spec, aliases), None
    except Skip as e:
        reason = str(e)
        key = reason.split(":")[0] if reason.startswith("code raised") else reason
        if key.startswith("cannot infer required argument"):
            key = "cannot infer a required argument"
        if key.startswith("equivalent uses unbound name"):
            key = "equivalent uses a name unbound at the definition"
        if key.startswith("argument `"):
            key = "call site: an argument is not a literal, module constant, parameter or attribute set once"
        if key.startswith("constructor raised"):
            key = "constructor raised"
        return None, (key, {"reason": reason})
    except SyntaxError:
        return None, ("file does not parse", {"reason": "file does not parse"})
    except Exception as e:  # noqa: BLE001
        return None, ("harness error", {"reason": f"harness error {type(e).__name__}: {e}",
                                        "trace": traceback.format_exc()[-600:]})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=1, help="check every N-th variant (default: all)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--tuned-sets", action="store_true",
                    help="every tuned set, not only positive; writes test-artifacts/equivalents-tuned.json")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or corpus_files(args.every, args.tuned_sets)
    data = run_cli(files)

    emitted = 0
    agreeing = []
    agreeing_f32 = []
    disagreeing = []
    skipped = Counter()
    skipped_items = []
    import_failures = {}
    closest = Counter()
    closest_items = []
    closest_skipped = Counter()
    closest_skipped_items = []
    for entry in data["files"]:
        path = entry["file"]
        spec, base = read_spec(path)
        for f in entry["findings"]:
            if f.get("kind") != "loss" or not f.get("symbol"):
                continue
            stated = CLOSEST.search(f.get("message", ""))
            if not f.get("torchEquivalent") and not stated:
                continue
            eq = f.get("torchEquivalent") or stated.group(2)
            item = {"where": f"{path}:{f['line']}", "symbol": f["symbol"], "convention": f.get("convention"),
                    "equivalent" if f.get("torchEquivalent") else "closest": eq}
            res, skip = run_finding({**f, "torchEquivalent": eq}, path, spec, base, import_failures)
            if not f.get("torchEquivalent"):
                if skip:
                    closest_skipped[skip[0]] += 1
                    closest_skipped_items.append({**item, **skip[1]})
                    continue
                verdict, detail = judge_closest(stated.group(1), res)
                closest[verdict] += 1
                closest_items.append({**item, "why": stated.group(1), "verdict": verdict, "detail": detail,
                                      "at": res["at"]})
                continue
            emitted += 1
            if skip:
                skipped[skip[0]] += 1
                skipped_items.append({**item, **skip[1]})
                continue
            item.update({k: v for k, v in res.items() if k not in ("agree", "status")})
            {"agree": agreeing, "agree-f32": agreeing_f32}.get(res["status"], disagreeing).append(item)

    executed = len(agreeing) + len(agreeing_f32) + len(disagreeing)
    print(f"torch {torch.__version__}; {len(files)} files")
    print(f"equivalents emitted on definitions, call sites and constructions: {emitted}")
    print(f"executed: {executed}   agreeing: {len(agreeing)} (+{len(agreeing_f32)} only to float32 precision, "
          f"rtol {F32_RTOL:g}, the code computes in float32)   disagreeing: {len(disagreeing)}   "
          f"skipped: {sum(skipped.values())}")
    at_counts = Counter(d["at"] for d in agreeing + agreeing_f32 + disagreeing)
    print(f"executed at definitions: {at_counts['definition']}   at call sites and constructions: {at_counts['site']}")
    mode_counts = Counter((a["target"], a["input"]) for a in agreeing)
    print("agreeing by (target, input):", dict(mode_counts))
    if disagreeing:
        print("\nDISAGREEING")
        for d in disagreeing:
            print(f"  {d['where']}  {d['symbol']}  [{d['convention']}]  ≡ {d['equivalent']}")
            print(f"      target={d['target']} input={d['input']} layout={d['layout']}  original={d.get('original')}  "
                  f"equivalent={d.get('equivalentValue')}  value ok={d.get('valueAgrees')} grad ok={d.get('gradAgrees')}"
                  + (f"  rel={d['relDiff']:.3g}" if "relDiff" in d else ""))
            if d.get("error"):
                print(f"      {d['error']}")
            for h in d.get("hints", []):
                print(f"      hint: {h}")
    print(f"\nCLOSEST calls checked: {sum(closest.values())}  " + "  ".join(f"{k}: {v}" for k, v in closest.most_common())
          + f"  (skipped: {sum(closest_skipped.values())})")
    for c in closest_items:
        if c["verdict"] in ("wrong", "unclassified"):
            print(f"  {c['verdict'].upper()}  {c['where']}  {c['symbol']}  closest {c['closest']}")
            print(f"      stated: {c['why'][:160]}")
            print(f"      found: {c['detail']}")
    print("\nSKIPPED by reason")
    for k, v in skipped.most_common():
        print(f"  {v:5d}  {k}")
    if args.verbose:
        for s in skipped_items:
            print(f"    {s['where']} {s['symbol']}: {s['reason']}")
    result = {
        "torch": torch.__version__,
        "emitted": emitted,
        "checked": executed,
        "agreeing": len(agreeing),
        "checkedAtSites": at_counts["site"],
        "agreeingItems": sorted(f"{d['where']} {d['equivalent']}" for d in agreeing + agreeing_f32),
        "agreeingFloat32Only": [{k: d[k] for k in ("where", "symbol", "equivalent", "original", "equivalentValue",
                                                   "relDiff") if k in d} for d in agreeing_f32],
        "disagreeing": disagreeing,
        "skipped": dict(skipped.most_common()),
        "closest": {"checked": sum(closest.values()), "verdicts": dict(closest.most_common()),
                    "skipped": dict(closest_skipped.most_common()), "skippedItems": closest_skipped_items,
                    "wrong": [c for c in closest_items if c["verdict"] in ("wrong", "unclassified")]},
        "skippedItems": skipped_items,
        "filesWithFailedTopLevelStatements": {k: v for k, v in import_failures.items()},
    }
    out = OUT_TUNED if args.tuned_sets else OUT
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as fh:
        json.dump(result, fh, indent=1, default=str)
        fh.write("\n")
    print(f"\nwrote {os.path.relpath(out, ROOT)}")
    return 0


def _variant_symbol_matches(path, symbol, line):
    """a variant's manifest symbol is the renamed base symbol; other definitions in it (helpers) get no spec."""
    man = _manifest()
    rel = path.split("test/analysis/corpus/rewrites/")[-1]
    e = man.get(rel)
    if e is None:
        return path.split("/")[-1].startswith(symbol)
    return e["symbol"] == symbol


_man_cache = {}


def _manifest():
    if not _man_cache:
        with open(os.path.join(ROOT, "test/analysis/corpus/rewrites/manifest.json")) as fh:
            m = json.load(fh)
        _man_cache.update({v["file"]: v for v in m["variants"]})
        _man_cache.update({b["file"]: b for b in m["bases"]})
    return _man_cache


if __name__ == "__main__":
    try:
        main()
    finally:
        sys.exit(0)
