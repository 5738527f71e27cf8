#!/usr/bin/env python3
"""Metamorphic rewrite corpus for Loss Lens.

Reads the base losses in test/analysis/corpus/rewrites/bases/*.py, produces meaning-preserving variants of each with
AST transforms (ast.parse -> NodeTransformer -> ast.unparse), executes base and variant in torch (float64) on three
seeded random inputs, keeps only the variants whose loss (or, for KL <-> CE rewrites, whose gradient w.r.t. the
logits) agrees with the base to 1e-9 relative, and writes them to variants/ plus manifest.json.

Run with Debian's interpreter (it has python3-torch):  /usr/bin/python3 scripts/corpus/rewrite.py
"""
import argparse
import ast
import builtins
import copy
import json
import os
import random
import re
import shutil
import sys
import tempfile
import zlib

if __name__ == "__main__":
    # rewrite_idioms imports its helpers from here: one module object, so one NotApplicable
    sys.modules["rewrite"] = sys.modules[__name__]

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "test", "analysis", "corpus", "rewrites")
BASES = os.path.join(CORPUS, "bases")
VARIANTS = os.path.join(CORPUS, "variants")
SEEDS = (11, 23, 47)
RTOL = 1e-9


class NotApplicable(Exception):
    pass


# ----------------------------------------------------------------------------------------------------------------
# AST helpers
# ----------------------------------------------------------------------------------------------------------------

def expr(src):
    return ast.parse(src, mode="eval").body


def stmts(src):
    return ast.parse(src).body


def const_num(node):
    """The int/float value of a constant or a negated constant, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = const_num(node.operand)
        return None if v is None else -v
    return None


def num(v):
    return ast.UnaryOp(ast.USub(), ast.Constant(-v)) if v < 0 else ast.Constant(v)


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def kw(call, name):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def find_symbol(tree, symbol):
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name == symbol:
            return node
    raise KeyError(symbol)


def method(cls, name):
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    return None


def loss_fn(tree, spec):
    node = find_symbol(tree, spec["symbol"])
    if isinstance(node, ast.ClassDef):
        fn = method(node, "forward")
        if fn is None:
            raise NotApplicable("no forward")
        return node, fn
    return None, node


def io_names(fn, is_method):
    args = [a.arg for a in fn.args.args]
    if is_method:
        args = args[1:]
    return args[0], args[1]


def body_start(fn):
    """Index of the first statement after the docstring."""
    b = fn.body
    if b and isinstance(b[0], ast.Expr) and isinstance(b[0].value, ast.Constant) and isinstance(b[0].value.value, str):
        return 1
    return 0


def module_names(tree):
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                names.add((a.asname or a.name).split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        names.add(n.id)
    return names


def all_identifiers(tree):
    ids = set(dir(builtins))
    for n in ast.walk(tree):
        if isinstance(n, ast.Name):
            ids.add(n.id)
        elif isinstance(n, ast.arg):
            ids.add(n.arg)
        elif isinstance(n, ast.Attribute):
            ids.add(n.attr)
        elif isinstance(n, (ast.FunctionDef, ast.ClassDef)):
            ids.add(n.name)
        elif isinstance(n, ast.keyword) and n.arg:
            ids.add(n.arg)
    return ids


def fresh(taken, candidates, rng=None):
    cands = list(candidates)
    if rng is not None:
        rng.shuffle(cands)
    for c in cands:
        if c not in taken:
            taken.add(c)
            return c
    base = cands[0] if cands else "v"
    i = 2
    while f"{base}{i}" in taken:
        i += 1
    taken.add(f"{base}{i}")
    return f"{base}{i}"


def ensure_import(tree, module, alias):
    for node in tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == module and (a.asname or a.name) == alias:
                    return
    if alias in module_names(tree):
        return
    last = 0
    for i, node in enumerate(tree.body):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            last = i + 1
    tree.body.insert(last, ast.Import(names=[ast.alias(name=module, asname=alias if alias != module else None)]))


def ensure_from_import(tree, module, name):
    if name in module_names(tree):
        return
    tree.body.insert(0, ast.ImportFrom(module=module, names=[ast.alias(name=name)], level=0))


def stmt_lists(node):
    """Every list of statements inside node (bodies, orelse, finalbody, handlers)."""
    for n in ast.walk(node):
        for field in ("body", "orelse", "finalbody"):
            lst = getattr(n, field, None)
            if isinstance(lst, list) and lst and isinstance(lst[0], ast.stmt):
                yield lst


def contains(node, target):
    return any(n is target for n in ast.walk(node))


def insert_before_containing(fn, target, new):
    """Insert statements `new` just before the innermost statement of fn that contains target."""
    best = None
    for lst in stmt_lists(fn):
        for i, s in enumerate(lst):
            if contains(s, target):
                # innermost: a statement that does not contain another statement containing target
                inner = any(contains(s2, target) for lst2 in stmt_lists(s) for s2 in lst2 if lst2 is not lst)
                if not inner:
                    best = (lst, i)
    if best is None:
        raise NotApplicable("no containing statement")
    lst, i = best
    lst[i:i] = new


def replace_node(root, old, new):
    class R(ast.NodeTransformer):
        def generic_visit(self, node):
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    for i, v in enumerate(value):
                        if v is old:
                            value[i] = new
                        elif isinstance(v, ast.AST):
                            self.generic_visit(v)
                elif value is old:
                    setattr(node, field, new)
                elif isinstance(value, ast.AST):
                    self.generic_visit(value)
            return node

    R().generic_visit(root)


def kl_modules(cls):
    """attr -> reduction of `self.attr = nn.KLDivLoss(reduction=...)` in __init__."""
    out = {}
    if cls is None:
        return out
    init = method(cls, "__init__")
    if init is None:
        return out
    for n in ast.walk(init):
        if (isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Attribute)
                and dotted(n.targets[0].value) == "self" and isinstance(n.value, ast.Call)
                and (dotted(n.value.func) or "").endswith("KLDivLoss")):
            r = kw(n.value, "reduction")
            out[n.targets[0].attr] = r.value if isinstance(r, ast.Constant) else "mean"
    return out


# ----------------------------------------------------------------------------------------------------------------
# rename
# ----------------------------------------------------------------------------------------------------------------

NAME_POOL = ["z", "inp", "scores", "outputs", "preds", "y_true", "labels", "gold", "tgt", "lp", "logq", "dist",
             "acc", "tmp", "buf", "val", "emb", "h", "u", "w_", "aux", "term_a", "term_b", "part", "store", "vec",
             "mat", "arr", "cnt", "width", "depth", "size_", "ref", "cur", "nxt", "prev", "a0", "b0", "c0", "d0"]
EPS_POOL = ["alpha", "beta", "mix", "tau", "delta", "rho", "lam", "gamma_", "coef", "amount"]
CLASS_POOL = ["CriterionA", "TrainLoss", "ObjectiveFn", "HeadLoss", "MyLoss", "ClsCriterion", "TaskObjective"]
FUNC_POOL = ["compute_loss", "loss_fn", "objective", "criterion_fn", "head_loss", "train_objective"]
ATTR_POOL = ["alpha", "beta", "coef", "mix", "strength", "k_", "n_out", "pad", "p0", "scale_", "conf", "crit",
             "lossfn", "red", "mode_", "wt"]


class Renamer(ast.NodeTransformer):
    def __init__(self, scopes, symbol_map, attr_map, class_name, kwarg_maps):
        self.scopes = scopes          # id(FunctionDef) -> {old: new}
        self.symbol_map = symbol_map  # module-level names
        self.attr_map = attr_map      # self.<attr>
        self.class_name = class_name
        self.kwarg_maps = kwarg_maps  # callee name -> {old kw: new kw}
        self.stack = [dict(symbol_map)]

    def visit_FunctionDef(self, node):
        m = dict(self.stack[-1])
        m.update(self.scopes.get(id(node), {}))
        for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
            a.arg = m.get(a.arg, a.arg)
        if node.name in self.symbol_map:
            node.name = self.symbol_map[node.name]
        self.stack.append(m)
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        node.args.defaults = [self.visit(d) for d in node.args.defaults]
        node.args.kw_defaults = [self.visit(d) if d is not None else None for d in node.args.kw_defaults]
        node.body = [self.visit(s) for s in node.body]
        self.stack.pop()
        return node

    def visit_ClassDef(self, node):
        if node.name in self.symbol_map:
            node.name = self.symbol_map[node.name]
        self.generic_visit(node)
        return node

    def visit_Name(self, node):
        node.id = self.stack[-1].get(node.id, node.id)
        return node

    def visit_Attribute(self, node):
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr in self.attr_map:
            node.attr = self.attr_map[node.attr]
        return node

    def visit_Call(self, node):
        callee = None
        if isinstance(node.func, ast.Name):
            callee = node.func.id
        elif isinstance(node.func, ast.Attribute):
            callee = node.func.attr
        self.generic_visit(node)
        m = self.kwarg_maps.get(callee)
        if m:
            for k in node.keywords:
                if k.arg in m:
                    k.arg = m[k.arg]
        return node


def stored_names(fn):
    out = []
    for n in ast.walk(fn):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id not in out:
            out.append(n.id)
    return out


def init_owner(tree, cls):
    """The class whose __init__ builds cls: cls itself, or the file's base class it inherits __init__ from."""
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    while method(cls, "__init__") is None:
        bases = [classes[b.id] for b in cls.bases if isinstance(b, ast.Name) and b.id in classes]
        if not bases:
            break
        cls = bases[0]
    return cls


def t_rename(tree, spec, rng, what):
    cls, fn = loss_fn(tree, spec)
    taken = all_identifiers(tree)
    scopes = {}
    kwarg_maps = {}
    spec = copy.deepcopy(spec)
    eps_names = {spec.get("eps_param")} - {None}
    pool = NAME_POOL[:]
    rng.shuffle(pool)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    if what in ("locals", "all"):
        for f in functions:
            m = {}
            is_method = cls is not None and f in cls.body
            params = [a.arg for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs]
            if is_method and params and params[0] == "self":
                params = params[1:]
            if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in f.decorator_list):
                pass
            for p in params:
                m[p] = fresh(taken, EPS_POOL if p in eps_names else pool, rng)
            for s in stored_names(f):
                if s not in m and s != "self":
                    m[s] = fresh(taken, pool, rng)
            scopes[id(f)] = m
            pm = {p: m[p] for p in params}
            if pm:
                if f.name == "__init__" and cls is not None and f in init_owner(tree, cls).body:
                    spec["init"] = {pm.get(k, k): v for k, v in spec.get("init", {}).items()}
                    if spec.get("eps_param") in pm:
                        spec["eps_param"] = pm[spec["eps_param"]]
                    kwarg_maps[cls.name] = pm
                elif f is fn and cls is None:
                    spec["call"] = {pm.get(k, k): v for k, v in spec.get("call", {}).items()}
                    if spec.get("eps_param") in pm:
                        spec["eps_param"] = pm[spec["eps_param"]]
                    kwarg_maps[f.name] = pm
                elif f.name not in ("forward",):
                    kwarg_maps[f.name] = pm
        # spec names of locals inside the loss function
        fm = scopes.get(id(fn), {})
        for key in ("q_var", "logp_var"):
            if spec.get(key) in fm:
                spec[key] = fm[spec[key]]
    attr_map = {}
    if what in ("attrs", "all") and cls is not None:
        init = method(init_owner(tree, cls), "__init__")
        methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
        if init is not None:
            apool = ATTR_POOL[:]
            rng.shuffle(apool)
            for n in ast.walk(init):
                if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and dotted(n.value) == "self":
                    if n.attr not in attr_map and n.attr not in methods and n.attr not in ("training",):
                        attr_map[n.attr] = fresh(taken, apool, rng)
        for key in ("eps_attr", "k_attr"):
            if spec.get(key) in attr_map:
                spec[key] = attr_map[spec[key]]
    symbol_map = {}
    if what == "all":
        old = spec["symbol"]
        new = fresh(taken, CLASS_POOL if cls is not None else FUNC_POOL, rng)
        symbol_map[old] = new
        if old in kwarg_maps:
            kwarg_maps[new] = kwarg_maps[old]
        spec["symbol"] = new
    if not scopes and not attr_map and not symbol_map:
        raise NotApplicable("nothing to rename")
    if what == "attrs" and not attr_map:
        raise NotApplicable("no attributes")
    if what == "locals" and not any(scopes.values()):
        raise NotApplicable("no locals")
    Renamer(scopes, symbol_map, attr_map, cls.name if cls else None, kwarg_maps).visit(tree)
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# guard
# ----------------------------------------------------------------------------------------------------------------

def eps_ref(spec, cls):
    if spec.get("eps_param") is None:
        raise NotApplicable("no epsilon")
    if cls is not None:
        if not spec.get("eps_attr"):
            raise NotApplicable("no epsilon attribute")
        return f"self.{spec['eps_attr']}"
    return spec["eps_param"]


def wrap_body(fn, cond, fallback):
    s = body_start(fn)
    body = fn.body[s:]
    fn.body[s:] = [ast.If(test=cond, body=body, orelse=[ast.Return(value=fallback)])]


def t_guard(tree, spec, rng, kind):
    cls, fn = loss_fn(tree, spec)
    x, t = io_names(fn, cls is not None)
    spec = copy.deepcopy(spec)
    if kind == "positive":
        e = eps_ref(spec, cls)
        if not spec.get("fallback"):
            raise NotApplicable("no fallback")
        wrap_body(fn, expr(f"{e} > 0"), expr(spec["fallback"].format(x=x, t=t)))
    elif kind == "not-none":
        e = eps_ref(spec, cls)
        if not spec.get("fallback"):
            raise NotApplicable("no fallback")
        wrap_body(fn, expr(f"{e} is not None"), expr(spec["fallback"].format(x=x, t=t)))
        holder = method(cls, "__init__") if cls is not None else fn
        for a in holder.args.args + holder.args.kwonlyargs:
            if a.arg == spec["eps_param"]:
                a.annotation = expr("Optional[float]")
        ensure_from_import(tree, "typing", "Optional")
    elif kind == "training":
        if cls is None:
            raise NotApplicable("not a module")
        red = ", reduction='sum'" if spec.get("reduction") == "sum" else ""
        if spec["target"] == "binary":
            fb = (f"F.binary_cross_entropy({x}, {t}{red})" if spec["input"] == "probs"
                  else f"F.binary_cross_entropy_with_logits({x}, {t}{red})")
        elif spec["target"] == "soft":
            raise NotApplicable("soft target")
        elif spec["input"] == "logprobs":
            fb = f"F.nll_loss({x}, {t}{red})"
        else:
            fb = f"F.nll_loss(F.log_softmax({x}, dim=-1), {t}{red})"
        wrap_body(fn, expr("self.training"), expr(fb))
    ensure_import(tree, "torch.nn.functional", "F")
    spec.setdefault("guards", []).append(kind)
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# shape idioms for the class count
# ----------------------------------------------------------------------------------------------------------------

def k_exprs(fn, spec, cls):
    """Class-count expressions in fn: X.size(-1|1), X.size(dim=-1|1), X.shape[-1|1], self.<k_attr>."""
    found = []
    for n in ast.walk(fn):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "size":
            d = n.args[0] if len(n.args) == 1 and not n.keywords else (kw(n, "dim") if not n.args else None)
            if d is not None and const_num(d) in (-1, 1):
                found.append(("size", n, const_num(d)))
        elif (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute) and n.value.attr == "shape"
              and const_num(n.slice) in (-1, 1)):
            found.append(("shape", n, const_num(n.slice)))
        elif (cls is not None and spec.get("k_attr") and isinstance(n, ast.Attribute) and dotted(n.value) == "self"
              and n.attr == spec["k_attr"] and isinstance(n.ctx, ast.Load)):
            found.append(("attr", n, None))
    return found


def shape_unpacks(fn):
    """`n, k = X.shape` / `X.size()` statements at any depth: (list, index, n, k, X)."""
    out = []
    for lst in stmt_lists(fn):
        for i, s in enumerate(lst):
            if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Tuple)
                    and len(s.targets[0].elts) == 2 and all(isinstance(e, ast.Name) for e in s.targets[0].elts)):
                v = s.value
                if isinstance(v, ast.Attribute) and v.attr == "shape":
                    out.append((lst, i, s.targets[0].elts[0].id, s.targets[0].elts[1].id, v.value))
                elif isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "size" and not v.args:
                    out.append((lst, i, s.targets[0].elts[0].id, s.targets[0].elts[1].id, v.func.value))
    return out


SHAPE_IDIOMS = ["unpack-nk", "unpack-size", "star-unpack", "size-dim-kw", "shape-last", "shape-1", "ctor-num-classes",
                "from-input"]


def t_shape(tree, spec, rng, idiom):
    cls, fn = loss_fn(tree, spec)
    spec = copy.deepcopy(spec)
    x, _ = io_names(fn, cls is not None)
    taken = all_identifiers(tree)
    found = k_exprs(fn, spec, cls)
    unpacks = shape_unpacks(fn)
    if idiom == "from-input":
        found = [f for f in found if f[0] == "attr"]
        if not found:
            raise NotApplicable("no constructor class count")
        for _, node, _ in found:
            replace_node(fn, node, expr(f"{x}.size(-1)"))
        return tree, spec
    found = [f for f in found if f[0] != "attr"]
    if not found and not unpacks:
        raise NotApplicable("no class-count expression")
    if idiom == "ctor-num-classes":
        name = fresh(taken, ["num_classes", "n_classes", "classes_count"])
        if cls is not None:
            init = method(cls, "__init__")
            if init is None:
                init = stmts("def __init__(self):\n    super().__init__()")[0]
                cls.body.insert(body_start(cls), init)
            init.args.args.insert(1, ast.arg(arg=name))  # required, right after self
            init.body.append(stmts(f"self.{name} = {name}")[0])
            spec.setdefault("init", {})[name] = "$K"
            new = lambda: expr(f"self.{name}")
        else:
            fn.args.kwonlyargs.append(ast.arg(arg=name))  # required keyword-only argument
            fn.args.kw_defaults.append(None)
            spec.setdefault("call", {})[name] = "$K"
            new = lambda: expr(name)
        for _, node, _ in found:
            replace_node(fn, node, new())
        for lst, i, n, k, X in unpacks:
            lst[i:i + 1] = stmts(f"{n} = {ast.unparse(X)}.size(0)") + [ast.Assign(targets=[ast.Name(k)], value=new())]
        return tree, spec
    simple = {"size-dim-kw": f"{x}.size(dim=-1)", "shape-last": f"{x}.shape[-1]", "shape-1": f"{x}.shape[1]"}
    if idiom in simple:
        # skip when the expression already has this spelling
        if all(ast.unparse(node) == simple[idiom] for _, node, _ in found) and not unpacks:
            raise NotApplicable("already this idiom")
        for _, node, _ in found:
            replace_node(fn, node, expr(simple[idiom]))
        for lst, i, n, k, X in unpacks:
            lst[i:i + 1] = stmts(f"{n} = {ast.unparse(X)}.size(0)\n{k} = {simple[idiom].replace(x, ast.unparse(X), 1)}")
        return tree, spec
    # unpacking idioms
    pairs = {"unpack-nk": [("n", "k"), ("batch", "num_cls"), ("rows", "cols")],
             "unpack-size": [("b", "v"), ("bsz", "vocab"), ("m", "c")],
             "star-unpack": [("_", "v"), ("_", "n_cls"), ("_", "width")]}[idiom]
    rng.shuffle(pairs)
    pair = next((p for p in pairs if p[1] not in taken and (p[0] == "_" or p[0] not in taken)), None)
    if pair is None:
        raise NotApplicable("names taken")
    n, k = pair
    line = {"unpack-nk": f"{n}, {k} = {x}.shape", "unpack-size": f"{n}, {k} = {x}.size()",
            "star-unpack": f"*_, {k} = {x}.shape"}[idiom]
    for lst, i, n0, k0, X in unpacks:
        if idiom == "unpack-nk" and isinstance(lst[i].value, ast.Attribute):
            raise NotApplicable("already this idiom")
        new = {"unpack-nk": f"{n0}, {k0} = {ast.unparse(X)}.shape", "unpack-size": f"{n0}, {k0} = {ast.unparse(X)}.size()",
               "star-unpack": f"{n0} = {ast.unparse(X)}.size(0)\n*_, {k0} = {ast.unparse(X)}.shape"}[idiom]
        lst[i:i + 1] = stmts(new)
    if found:
        for _, node, _ in found:
            replace_node(fn, node, ast.Name(k))
        s = body_start(fn)
        # after leading asserts that may mention the count, before everything else
        fn.body[s:s] = stmts(line)
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# helpers in / out
# ----------------------------------------------------------------------------------------------------------------

def match_logsoftmax(node):
    """(input, dim, form) for a log-softmax call, else None."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute) or node.func.attr != "log_softmax":
        return None
    if any(k.arg != "dim" for k in node.keywords):
        return None
    v = node.func.value
    d = dotted(v)
    if d in ("F", "torch", "torch.nn.functional", "nn.functional"):
        if not node.args or len(node.args) > 2:
            return None
        dim = node.args[1] if len(node.args) > 1 else kw(node, "dim")
        form = "torch" if d == "torch" else "F"
        inp = node.args[0]
    else:
        if len(node.args) > 1:
            return None
        dim = node.args[0] if node.args else kw(node, "dim")
        form = "method"
        inp = v
    if dim is None:
        return None
    return inp, dim, form


def logsoftmax_calls(root):
    return [n for n in ast.walk(root) if match_logsoftmax(n)]


def t_extract_logsoftmax(tree, spec, rng, where):
    cls, fn = loss_fn(tree, spec)
    calls = logsoftmax_calls(fn)
    if not calls:
        raise NotApplicable("no log-softmax")
    taken = all_identifiers(tree)
    name = fresh(taken, ["_log_probs", "log_probabilities", "normalize_logits", "to_log_probs"], rng)
    arg = fresh(taken, ["z", "scores", "logits_"], rng)
    first = match_logsoftmax(calls[0])
    dim = ast.unparse(first[1])
    call0 = copy.deepcopy(calls[0])
    # the helper normalises its argument with the original spelling
    if first[2] == "method":
        call0.func.value = ast.Name(arg)
    else:
        call0.args[0] = ast.Name(arg)
    helper = ast.FunctionDef(name=name, args=ast.arguments(posonlyargs=[], args=[ast.arg(arg=arg)], kwonlyargs=[],
                                                           kw_defaults=[], defaults=[]),
                             body=[ast.Return(value=call0)], decorator_list=[], returns=None, type_comment=None)
    if where == "static" and cls is None:
        raise NotApplicable("not a class")
    for c in calls:
        inp, d, _ = match_logsoftmax(c)
        if ast.unparse(d) != dim:
            continue
        callee = {"module": name, "static": f"self.{name}", "nested": name}[where]
        replace_node(fn, c, ast.Call(func=expr(callee), args=[inp], keywords=[]))
    if where == "module":
        idx = tree.body.index(cls if cls is not None else fn)
        tree.body.insert(idx, helper)
    elif where == "static":
        helper.decorator_list = [ast.Name("staticmethod")]
        cls.body.insert(cls.body.index(fn), helper)
    else:
        fn.body.insert(body_start(fn), helper)
    return tree, spec


def stmt_mutates(s, q):
    for n in ast.walk(s):
        if isinstance(n, ast.Name) and n.id == q and isinstance(n.ctx, ast.Store):
            return True
        if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name) and n.value.id == q:
            return True
        if (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
                and n.func.value.id == q and n.func.attr.endswith("_") and not n.func.attr.startswith("_")):
            return True
    return False


def stmt_refs(s, q):
    return any(isinstance(n, ast.Name) and n.id == q for n in ast.walk(s))


def t_extract_target(tree, spec, rng, where):
    cls, fn = loss_fn(tree, spec)
    q = spec.get("q_var")
    if not q:
        raise NotApplicable("no target variable")
    body = fn.body
    params = [a.arg for a in fn.args.args]
    start = next((i for i, s in enumerate(body) if stmt_mutates(s, q) and
                  any(isinstance(n, ast.Name) and n.id == q and isinstance(n.ctx, ast.Store) for n in ast.walk(s))),
                 None)
    if start is None:
        raise NotApplicable("target not constructed here")
    end = start
    for j in range(start + 1, len(body)):
        s = body[j]
        if stmt_mutates(s, q):
            end = j
        elif stmt_refs(s, q) or isinstance(s, ast.Return):
            break
    block = body[start:end + 1]
    after = body[end + 1:]
    if any(isinstance(n, (ast.Return, ast.Yield)) for s in block for n in ast.walk(s)):
        raise NotApplicable("return inside block")
    if any(isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and dotted(n.value) == "self"
           for s in block for n in ast.walk(s)):
        raise NotApplicable("stores to self")
    before_defined = set(params)
    for s in body[:start]:
        before_defined.update(n.id for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    block_stored = {n.id for s in block for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    used_after = {n.id for s in after for n in ast.walk(s) if isinstance(n, ast.Name)}
    if (block_stored - {q}) & used_after:
        raise NotApplicable("block defines other names used later")
    free = []
    self_attrs = []
    for s in block:
        for n in ast.walk(s):
            if isinstance(n, ast.Attribute) and dotted(n.value) == "self" and where != "nested":
                if n.attr not in self_attrs:
                    self_attrs.append(n.attr)
            elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in before_defined and n.id != "self":
                if n.id not in free:
                    free.append(n.id)
    if where != "nested":
        selfs = [n for s in block for n in ast.walk(s) if isinstance(n, ast.Name) and n.id == "self"]
        attr_nodes = [n for s in block for n in ast.walk(s) if isinstance(n, ast.Attribute) and dotted(n.value) == "self"]
        if len(selfs) != len(attr_nodes):
            raise NotApplicable("uses self directly")
    if where == "static" and cls is None:
        raise NotApplicable("not a class")
    taken = all_identifiers(tree)
    attr_params = {}
    for a in self_attrs:
        attr_params[a] = a if a not in free and a not in block_stored and a not in module_names(tree) else a + "_"
    new_block = copy.deepcopy(block)

    class SelfSub(ast.NodeTransformer):
        def visit_Attribute(self, node):
            self.generic_visit(node)
            if dotted(node.value) == "self" and node.attr in attr_params:
                return ast.Name(attr_params[node.attr])
            return node

    if where != "nested":
        new_block = [SelfSub().visit(s) for s in new_block]
    name = fresh(taken, ["_smooth_targets", "build_soft_targets", "make_target_distribution", "smoothed_labels"], rng)
    plist = free + [attr_params[a] for a in self_attrs]
    helper = ast.FunctionDef(name=name, args=ast.arguments(posonlyargs=[], args=[ast.arg(arg=p) for p in plist],
                                                           kwonlyargs=[], kw_defaults=[], defaults=[]),
                             body=new_block + [ast.Return(value=ast.Name(q))], decorator_list=[], returns=None,
                             type_comment=None)
    callee = {"module": name, "static": f"self.{name}", "nested": name}[where]
    args = [ast.Name(p) for p in free] + [expr(f"self.{a}") for a in self_attrs]
    call = ast.Assign(targets=[ast.Name(q)], value=ast.Call(func=expr(callee), args=args, keywords=[]))
    fn.body[start:end + 1] = ([helper] if where == "nested" else []) + [call]
    if where == "module":
        tree.body.insert(tree.body.index(cls if cls is not None else fn), helper)
    elif where == "static":
        helper.decorator_list = [ast.Name("staticmethod")]
        cls.body.insert(cls.body.index(fn), helper)
    return tree, spec


def t_inline(tree, spec, rng):
    cls, fn = loss_fn(tree, spec)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef) and n is not fn}
    meths = {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)
             and n.name not in ("forward", "__init__")} if cls is not None else {}
    target_call = helper = None
    bind_self = False
    for n in ast.walk(fn):
        if not isinstance(n, ast.Call):
            continue
        if isinstance(n.func, ast.Name) and n.func.id in funcs:
            target_call, helper = n, funcs[n.func.id]
        elif isinstance(n.func, ast.Attribute) and n.func.attr in meths and dotted(n.func.value) in ("self", cls.name):
            h = meths[n.func.attr]
            static = any(dotted(d) == "staticmethod" for d in h.decorator_list)
            if not static and dotted(n.func.value) != "self":
                continue
            target_call, helper, bind_self = n, h, not static
        if target_call is not None:
            break
    if target_call is None:
        raise NotApplicable("no helper call")
    hbody = helper.body[body_start(helper):]
    returns = [n for s in hbody for n in ast.walk(s) if isinstance(n, ast.Return)]
    if len(returns) != 1 or any(isinstance(n, (ast.FunctionDef, ast.Yield, ast.Lambda)) for s in hbody for n in ast.walk(s)):
        raise NotApplicable("helper not inlinable")
    last = hbody[-1]
    ret = returns[0]
    if not (last is ret or (isinstance(last, ast.With) and last.body[-1] is ret)):
        raise NotApplicable("return not last")
    if ret.value is None or helper.args.vararg or helper.args.kwarg or helper.args.kwonlyargs:
        raise NotApplicable("helper signature")
    params = [a.arg for a in helper.args.args]
    if bind_self:
        if not params or params[0] != "self":
            raise NotApplicable("method without self")
        params = params[1:]
    # bind arguments
    bound = {}
    defaults = helper.args.defaults
    dmap = dict(zip(params[len(params) - len(defaults):], defaults)) if defaults else {}
    for p, a in zip(params, target_call.args):
        bound[p] = a
    for k in target_call.keywords:
        if k.arg is None or k.arg not in params:
            raise NotApplicable("odd keywords")
        bound[k.arg] = k.value
    for p in params:
        if p not in bound:
            if p not in dmap:
                raise NotApplicable("missing argument")
            bound[p] = dmap[p]
    caller_names = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)} | {a.arg for a in fn.args.args}
    taken = all_identifiers(tree)
    h_stored = set(stored_names(helper))
    rename = {}
    for p in params:
        identity = isinstance(bound[p], ast.Name) and bound[p].id == p and p not in h_stored
        if identity:
            continue
        if p in caller_names:
            rename[p] = fresh(taken, [p + "_", p + "_in", "h_" + p])
    for s in h_stored:
        if s in caller_names and s not in rename:
            rename[s] = fresh(taken, [s + "_", s + "_h", "h_" + s])
    new_body = copy.deepcopy(hbody)

    class Sub(ast.NodeTransformer):
        def visit_Name(self, node):
            node.id = rename.get(node.id, node.id)
            return node

    new_body = [Sub().visit(s) for s in new_body]
    res = fresh(taken, ["result", "out", "value", "smoothed"], rng)
    # replace the single return
    new_last = new_body[-1]
    if isinstance(new_last, ast.Return):
        new_body[-1] = ast.Assign(targets=[ast.Name(res)], value=new_last.value)
    else:
        new_last.body[-1] = ast.Assign(targets=[ast.Name(res)], value=new_last.body[-1].value)
    prelude = []
    for p in params:
        np_ = rename.get(p, p)
        a = bound[p]
        if isinstance(a, ast.Name) and a.id == np_:
            continue
        prelude.append(ast.Assign(targets=[ast.Name(np_)], value=copy.deepcopy(a)))
    insert_before_containing(fn, target_call, prelude + new_body)
    replace_node(fn, target_call, ast.Name(res))
    # drop the helper if nothing refers to it any more
    hname = helper.name
    still = any((isinstance(n, ast.Name) and n.id == hname) or (isinstance(n, ast.Attribute) and n.attr == hname)
                for n in ast.walk(tree))
    if not still:
        if helper in tree.body:
            tree.body.remove(helper)
        elif cls is not None and helper in cls.body:
            cls.body.remove(helper)
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# spellings
# ----------------------------------------------------------------------------------------------------------------

def logsoftmax_form(inp, dim, form):
    i = ast.unparse(inp)
    if not isinstance(inp, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
        i = f"({i})"
    d = ast.unparse(dim)
    return expr({"F": f"F.log_softmax({i}, {d})", "method": f"{i}.log_softmax(dim={d})",
                 "logsumexp": f"{i} - {i}.logsumexp({d}, keepdim=True)",
                 "log-of-softmax": f"torch.log(torch.softmax({i}, {d}))"}[form])


def t_spell_logsoftmax(tree, spec, rng, form):
    calls = logsoftmax_calls(tree)
    changed = 0
    for c in calls:
        inp, d, f = match_logsoftmax(c)
        if f == form or (form == "F" and f == "F" and False):
            continue
        replace_node(tree, c, logsoftmax_form(inp, d, form))
        changed += 1
    if not changed:
        raise NotApplicable("nothing to respell")
    ensure_import(tree, "torch.nn.functional", "F")
    ensure_import(tree, "torch", "torch")
    return tree, spec


def t_spell_scalar_order(tree, spec, rng):
    n = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            if isinstance(node.left, (ast.List, ast.Tuple, ast.Constant)) and isinstance(getattr(node.left, "value", 0), str):
                continue
            node.left, node.right = node.right, node.left
            n += 1
    if not n:
        raise NotApplicable("no products")
    return tree, spec


def t_spell_max(tree, spec, rng, form):
    n = 0

    class T(ast.NodeTransformer):
        def visit_Call(self, node):
            nonlocal n
            self.generic_visit(node)
            f = node.func
            # X.max().item()  ->  int(X.max())
            if (form == "int" and isinstance(f, ast.Attribute) and f.attr == "item" and not node.args
                    and isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Attribute)
                    and f.value.func.attr == "max" and not f.value.args and not f.value.keywords):
                n += 1
                return ast.Call(func=ast.Name("int"), args=[f.value], keywords=[])
            if form in ("torch-max", "amax") and isinstance(f, ast.Attribute) and f.attr == "max" \
                    and not node.args and not node.keywords and dotted(f.value) != "torch":
                n += 1
                return ast.Call(func=expr("torch.max" if form == "torch-max" else "torch.amax"), args=[f.value], keywords=[])
            if form == "method" and dotted(f) == "torch.max" and len(node.args) == 1 and not node.keywords:
                n += 1
                return ast.Call(func=ast.Attribute(value=node.args[0], attr="max", ctx=ast.Load()), args=[], keywords=[])
            return node

    T().visit(tree)
    if not n:
        raise NotApplicable("no max")
    return tree, spec


def match_scatter(node):
    """(Q, dim, idx, value, inplace) for Q.scatter_(d, I.unsqueeze(d'), V) / Q.scatter(...)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("scatter_", "scatter")):
        return None
    if len(node.args) != 3 or node.keywords:
        return None
    d, i, v = node.args
    if const_num(d) not in (1, -1):
        return None
    if not (isinstance(i, ast.Call) and isinstance(i.func, ast.Attribute) and i.func.attr == "unsqueeze"
            and len(i.args) == 1 and const_num(i.args[0]) in (1, -1)):
        return None
    return node.func.value, d, i.func.value, v, node.func.attr == "scatter_"


def match_onehot(node):
    if isinstance(node, ast.Call) and dotted(node.func) in ("F.one_hot", "torch.nn.functional.one_hot") \
            and len(node.args) == 2 and not node.keywords:
        return node.args[0], node.args[1]
    return None


def match_index_assign(s):
    """Q[torch.arange(n), I] = V  ->  (Q, I, V)."""
    if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Subscript)
            and isinstance(s.targets[0].value, ast.Name) and isinstance(s.targets[0].slice, ast.Tuple)
            and len(s.targets[0].slice.elts) == 2):
        a, i = s.targets[0].slice.elts
        if isinstance(a, ast.Call) and dotted(a.func) == "torch.arange":
            return s.targets[0].value, i, s.value
    return None


def t_spell_onehot(tree, spec, rng, form):
    cls, fn = loss_fn(tree, spec)
    taken = all_identifiers(tree)
    changed = 0
    orig_onehots = {id(n) for n in ast.walk(tree) if match_onehot(n)}
    orig_scatters = {id(n) for n in ast.walk(tree) if match_scatter(n)}
    # 1. statements Q.scatter_(1, I.unsqueeze(1), V)
    for lst in list(stmt_lists(tree)):
        for i, s in enumerate(list(lst)):
            m = match_scatter(s.value) if isinstance(s, ast.Expr) else None
            if m and m[4] and isinstance(m[0], ast.Name):
                Q, _, I, V = (ast.unparse(m[0]), None, ast.unparse(m[2]), ast.unparse(m[3]))
                new = {"index-assign": f"{Q}[torch.arange({Q}.size(0)), {I}] = {V}",
                       "where": f"{Q} = torch.where(F.one_hot({I}, {Q}.size(-1)).bool(), {V}, {Q})",
                       "one-hot-mix": f"{Q} = {Q} * (1 - F.one_hot({I}, {Q}.size(-1)).to({Q}.dtype)) + ({V}) * F.one_hot({I}, {Q}.size(-1)).to({Q}.dtype)"}.get(form)
                if new:
                    lst[lst.index(s)] = stmts(new)[0]
                    changed += 1
            m2 = match_index_assign(s)
            if m2 and form in ("scatter", "where", "one-hot-mix"):
                Q, I, V = (ast.unparse(x) for x in m2)
                new = {"scatter": f"{Q}.scatter_(1, {I}.unsqueeze(1), {V})",
                       "where": f"{Q} = torch.where(F.one_hot({I}, {Q}.size(-1)).bool(), {V}, {Q})",
                       "one-hot-mix": f"{Q} = {Q} * (1 - F.one_hot({I}, {Q}.size(-1)).to({Q}.dtype)) + ({V}) * F.one_hot({I}, {Q}.size(-1)).to({Q}.dtype)"}[form]
                lst[lst.index(s)] = stmts(new)[0]
                changed += 1
    # 2. expressions
    for node in list(ast.walk(tree)):
        m = match_scatter(node) if id(node) in orig_scatters else None
        if m and not (m[4] and any(isinstance(s, ast.Expr) and s.value is node for s in ast.walk(tree))):
            E, I, V = (ast.unparse(m[0]), ast.unparse(m[2]), ast.unparse(m[3]))
            if not isinstance(m[0], (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
                E = f"({E})"
            new = {"where": f"torch.where(F.one_hot({I}, {E}.size(-1)).bool(), {V}, {E})",
                   "one-hot-mix": f"{E} * (1 - F.one_hot({I}, {E}.size(-1)).to({E}.dtype)) + ({V}) * F.one_hot({I}, {E}.size(-1)).to({E}.dtype)"}.get(form)
            if new:
                replace_node(tree, node, expr(new))
                changed += 1
            continue
        oh = match_onehot(node) if id(node) in orig_onehots else None
        if oh and form in ("scatter", "eye", "index-assign", "where"):
            I, K = (ast.unparse(x) for x in oh)
            if form == "index-assign":
                if not contains(fn, node):
                    continue
                name = fresh(taken, ["onehot", "hot", "indicator"], rng)
                insert_before_containing(fn, node, stmts(
                    f"{name} = torch.zeros({I}.size(0), {K}, dtype=torch.long, device={I}.device)\n"
                    f"{name}[torch.arange({I}.size(0)), {I}] = 1"))
                replace_node(tree, node, ast.Name(name))
            else:
                new = {"scatter": f"torch.zeros({I}.size(0), {K}, dtype=torch.long, device={I}.device).scatter_(1, {I}.unsqueeze(1), 1)",
                       "eye": f"torch.eye({K}, dtype=torch.long, device={I}.device)[{I}]",
                       "where": f"torch.where({I}.unsqueeze(1) == torch.arange({K}, device={I}.device), 1, 0)"}[form]
                replace_node(tree, node, expr(new))
            changed += 1
    if not changed:
        raise NotApplicable("no one-hot construction")
    ensure_import(tree, "torch.nn.functional", "F")
    return tree, spec


def t_spell_reduce(tree, spec, rng, form):
    n = 0

    class T(ast.NodeTransformer):
        def visit_Call(self, node):
            nonlocal n
            self.generic_visit(node)
            f = node.func
            if not (isinstance(f, ast.Attribute) and f.attr in ("sum", "mean")):
                return node
            op = f.attr
            if dotted(f.value) == "torch":
                if not node.args or len(node.args) > 2:
                    return node
                E = node.args[0]
                dim = node.args[1] if len(node.args) > 1 else kw(node, "dim")
                cur = "function"
            elif dotted(f.value) in ("F", "np", "math"):
                return node
            else:
                if len(node.args) > 1:
                    return node
                E = f.value
                dim = node.args[0] if node.args else kw(node, "dim")
                cur = "method-kw" if kw(node, "dim") is not None else "method"
            extra = [k for k in node.keywords if k.arg != "dim"]
            if any(k.arg not in ("keepdim",) for k in extra):
                return node
            if form == "dim-swap":
                if dim is None or const_num(dim) not in (-1, 1):
                    return node
                dim = num(1 if const_num(dim) == -1 else -1)
                target = "method-kw"
            else:
                target = form
                if target == cur:
                    return node
            n += 1
            if target == "function":
                args = [E] + ([dim] if dim is not None else [])
                return ast.Call(func=expr(f"torch.{op}"), args=args, keywords=extra)
            attr = ast.Attribute(value=E, attr=op, ctx=ast.Load())
            if dim is None:
                return ast.Call(func=attr, args=[], keywords=extra)
            if target == "method":
                return ast.Call(func=attr, args=[dim], keywords=extra)
            return ast.Call(func=attr, args=[], keywords=[ast.keyword(arg="dim", value=dim)] + extra)

    T().visit(tree)
    if not n:
        raise NotApplicable("no reductions")
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# KL <-> CE
# ----------------------------------------------------------------------------------------------------------------

def reduce_src(core, red, lp):
    return {"sum": f"({core}).sum()", "batchmean": f"({core}).sum() / {lp}.size(0)", "mean": f"({core}).mean()",
            "none": f"({core})"}[red]


def t_kl_to(tree, spec, rng, form):
    cls, fn = loss_fn(tree, spec)
    mods = kl_modules(cls)
    spec = copy.deepcopy(spec)
    changed = 0
    for node in list(ast.walk(fn)):
        if not isinstance(node, ast.Call) or len(node.args) != 2:
            continue
        d = dotted(node.func)
        if d in ("F.kl_div", "torch.nn.functional.kl_div"):
            r = kw(node, "reduction")
            red = r.value if isinstance(r, ast.Constant) else "mean"
            if any(k.arg != "reduction" for k in node.keywords):
                continue
            module_form = False
        elif d and d.startswith("self.") and d[5:] in mods:
            red = mods[d[5:]]
            module_form = True
        else:
            continue
        lp, q = (ast.unparse(a) for a in node.args)
        lpw = lp if isinstance(node.args[0], (ast.Name, ast.Attribute, ast.Call)) else f"({lp})"
        qw = q if isinstance(node.args[1], (ast.Name, ast.Attribute, ast.Call)) else f"({q})"
        if form == "ce":
            new = reduce_src(f"-({qw} * {lpw})", red, lpw)
        elif form == "xlogy":
            new = reduce_src(f"torch.xlogy({qw}, {qw}) - {qw} * {lpw}", red, lpw)
        elif form == "log-ratio":
            if spec.get("has_zeros"):
                raise NotApplicable("target has zeros")
            new = reduce_src(f"{qw} * ({qw}.log() - {lpw})", red, lpw)
        elif form == "functional":
            if not module_form:
                continue
            new = f"F.kl_div({lp}, {q}, reduction={red!r})"
        elif form == "module":
            if module_form or cls is None:
                continue
            init = method(cls, "__init__")
            if init is None:
                raise NotApplicable("no __init__")
            taken = all_identifiers(tree)
            attr = fresh(taken, ["kl", "criterion", "kl_loss"], rng)
            init.body.append(stmts(f"self.{attr} = nn.KLDivLoss(reduction={red!r})")[0])
            ensure_import(tree, "torch.nn", "nn")
            new = f"self.{attr}({lp}, {q})"
        replace_node(fn, node, expr(new))
        changed += 1
    if not changed:
        raise NotApplicable("no KL term")
    if form == "ce":
        spec["grad_only"] = True
    ensure_import(tree, "torch.nn.functional", "F")
    return tree, spec


def t_ce_to_kl(tree, spec, rng, form):
    cls, fn = loss_fn(tree, spec)
    q, lp = spec.get("q_var"), spec.get("logp_var")
    if not q or not lp:
        raise NotApplicable("no q/logp")
    spec = copy.deepcopy(spec)
    changed = 0

    def is_name(n, i):
        return isinstance(n, ast.Name) and n.id == i

    def neg(n, i):
        return isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) and is_name(n.operand, i)

    for node in list(ast.walk(fn)):
        hit = False
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.BinOp) \
                and isinstance(node.operand.op, ast.Mult):
            a, b = node.operand.left, node.operand.right
            hit = (is_name(a, q) and is_name(b, lp)) or (is_name(a, lp) and is_name(b, q))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            a, b = node.left, node.right
            hit = (neg(a, q) and is_name(b, lp)) or (is_name(a, lp) and neg(b, q)) or \
                  (neg(a, lp) and is_name(b, q)) or (is_name(a, q) and neg(b, lp))
        if not hit and isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            # -(q * lp).sum(-1)[.mean()] : the minus sits outside linear reductions
            inner = node.operand
            while isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in ("sum", "mean"):
                inner = inner.args[0] if dotted(inner.func.value) == "torch" and inner.args else inner.func.value
            if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Mult) and inner is not node.operand:
                a, b = inner.left, inner.right
                if (is_name(a, q) and is_name(b, lp)) or (is_name(a, lp) and is_name(b, q)):
                    new = {"kl-div": f"F.kl_div({lp}, {q}, reduction='none')",
                           "xlogy": f"(torch.xlogy({q}, {q}) - {q} * {lp})"}[form]
                    replace_node(node, inner, expr(new))
                    replace_node(fn, node, node.operand)
                    changed += 1
                    continue
        if hit:
            new = {"kl-div": f"F.kl_div({lp}, {q}, reduction='none')",
                   "xlogy": f"(torch.xlogy({q}, {q}) - {q} * {lp})"}[form]
            replace_node(fn, node, expr(new))
            changed += 1
    if not changed:
        raise NotApplicable("no cross-entropy term")
    spec["grad_only"] = True
    ensure_import(tree, "torch.nn.functional", "F")
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# class axis moved: (N, C) -> (N, C, T)
# ----------------------------------------------------------------------------------------------------------------

DIM_METHODS = {"log_softmax", "softmax", "sum", "mean", "logsumexp", "gather", "scatter", "scatter_", "size",
               "unsqueeze", "squeeze", "argmax"}


def t_axis(tree, spec, rng, form):
    if not spec.get("axis"):
        raise NotApplicable("axis move not meaningful")
    cls, fn = loss_fn(tree, spec)
    x, t = io_names(fn, cls is not None)
    spec = copy.deepcopy(spec)
    s = body_start(fn)
    if form == "flatten-permute":
        fn.body[s:s] = stmts(f"{x} = {x}.permute(0, 2, 1).reshape(-1, {x}.size(1))\n{t} = {t}.reshape(-1)")
    elif form == "flatten-transpose":
        fn.body[s:s] = stmts(f"{x} = {x}.transpose(1, 2).contiguous().view(-1, {x}.size(1))\n{t} = {t}.contiguous().view(-1)")
    elif form == "movedim-last":
        fn.body[s:s] = stmts(f"{x} = {x}.movedim(1, -1)")
    elif form == "dim1":
        n = 0
        for node in ast.walk(fn):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else None
                for k in node.keywords:
                    if k.arg == "dim" and const_num(k.value) == -1:
                        k.value = num(1)
                        n += 1
                if name in DIM_METHODS:
                    pos = 1 if (dotted(node.func.value) in ("F", "torch") and name != "size") else 0
                    if len(node.args) > pos and const_num(node.args[pos]) == -1:
                        node.args[pos] = num(1)
                        n += 1
                if dotted(node.func) in ("F.one_hot", "torch.nn.functional.one_hot"):
                    pass
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape" \
                    and const_num(node.slice) == -1:
                node.slice = num(1)
                n += 1
        # one-hot encodings put the class axis last: move it to dim 1
        for node in list(ast.walk(fn)):
            if match_onehot(node):
                replace_node(fn, node, ast.Call(func=ast.Attribute(value=node, attr="movedim", ctx=ast.Load()),
                                                args=[num(-1), num(1)], keywords=[]))
                n += 1
        if not n:
            raise NotApplicable("no class-axis dims")
    spec["layout"] = "NCT"
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# registry
# ----------------------------------------------------------------------------------------------------------------

def reg():
    r = []
    for w in ("locals", "attrs", "all"):
        r.append(("rename", f"rename-{w}", lambda tr, sp, rng, w=w: t_rename(tr, sp, rng, w)))
    for k in ("positive", "training", "not-none"):
        r.append(("guard", f"guard-{k}", lambda tr, sp, rng, k=k: t_guard(tr, sp, rng, k)))
    for i in SHAPE_IDIOMS:
        r.append(("shape", f"shape-{i}", lambda tr, sp, rng, i=i: t_shape(tr, sp, rng, i)))
    for w in ("module", "static", "nested"):
        r.append(("helpers", f"helper-logsoftmax-{w}", lambda tr, sp, rng, w=w: t_extract_logsoftmax(tr, sp, rng, w)))
        r.append(("helpers", f"helper-target-{w}", lambda tr, sp, rng, w=w: t_extract_target(tr, sp, rng, w)))
    r.append(("helpers", "helper-inline", t_inline))
    for f in ("F", "method", "logsumexp", "log-of-softmax"):
        r.append(("spelling", f"spell-logsoftmax-{f}", lambda tr, sp, rng, f=f: t_spell_logsoftmax(tr, sp, rng, f)))
    r.append(("spelling", "spell-scalar-order", t_spell_scalar_order))
    for f in ("torch-max", "amax", "int", "method"):
        r.append(("spelling", f"spell-max-{f}", lambda tr, sp, rng, f=f: t_spell_max(tr, sp, rng, f)))
    for f in ("index-assign", "where", "one-hot-mix", "scatter", "eye"):
        r.append(("spelling", f"spell-onehot-{f}", lambda tr, sp, rng, f=f: t_spell_onehot(tr, sp, rng, f)))
    for f in ("method", "method-kw", "function", "dim-swap"):
        r.append(("spelling", f"spell-reduce-{f}", lambda tr, sp, rng, f=f: t_spell_reduce(tr, sp, rng, f)))
    for f in ("ce", "xlogy", "log-ratio", "functional", "module"):
        r.append(("kl_ce", f"kl-to-{f}", lambda tr, sp, rng, f=f: t_kl_to(tr, sp, rng, f)))
    for f in ("kl-div", "xlogy"):
        r.append(("kl_ce", f"ce-to-kl-{f}", lambda tr, sp, rng, f=f: t_ce_to_kl(tr, sp, rng, f)))
    for f in ("flatten-permute", "flatten-transpose", "movedim-last", "dim1"):
        r.append(("axis", f"axis-{f}", lambda tr, sp, rng, f=f: t_axis(tr, sp, rng, f)))
    import rewrite_idioms
    r.extend(rewrite_idioms.transforms())
    import rewrite_forms
    r.extend(rewrite_forms.transforms())
    return r


TRANSFORMS = reg()
BY_NAME = {name: (fam, f) for fam, name, f in TRANSFORMS}
FAMILY_ORDER = {"helpers": 0, "structure": 1, "kl_ce": 2, "forms": 2.5, "spelling": 3, "arith": 4, "eps": 5,
                "shape": 6, "control": 7, "prep": 7.5, "guard": 8, "axis": 9, "imports": 10, "wrap": 10.5, "rename": 11}
# the families of the first suite; later families are planned on their own so the first suite's variants stay as they were
FIRST_FAMILIES = {"helpers", "kl_ce", "spelling", "shape", "guard", "axis", "rename"}
# the third suite's families (scripts/corpus/rewrite_forms.py), planned on their own for the same reason
FORM_FAMILIES = {"forms", "wrap", "prep"}


# ----------------------------------------------------------------------------------------------------------------
# bases
# ----------------------------------------------------------------------------------------------------------------

def load_bases():
    bases = []
    for fname in sorted(os.listdir(BASES)):
        if not fname.endswith(".py"):
            continue
        path = os.path.join(BASES, fname)
        src = open(path).read()
        m = re.search(r"^# base: (\S+) convention: (\S+)$", src, re.M)
        s = re.search(r"^# spec: (\{.*\})$", src, re.M)
        bf = re.search(r"^# base-from: (\S+)$", src, re.M)
        if not m or not s:
            raise SystemExit(f"{fname}: missing '# base:' or '# spec:' header")
        spec = json.loads(s.group(1))
        bases.append({"name": fname[:-3], "file": f"bases/{fname}", "convention": m.group(2), "spec": spec,
                      "src": src, "from": bf.group(1) if bf else None})
    return bases


# ----------------------------------------------------------------------------------------------------------------
# verification in torch
# ----------------------------------------------------------------------------------------------------------------

def torch_mod():
    import torch
    torch.set_default_dtype(torch.float64)
    return torch


def make_inputs(torch, spec, seed, layout):
    g = random.Random(seed)
    N = g.randint(4, 6)
    K = g.randint(5, 9)
    T = g.randint(2, 4)
    eps = round(g.uniform(0.05, 0.3), 6)
    PAD = 0
    torch.manual_seed(seed)
    shape = (N, K, T) if layout == "NCT" else (N, K)
    logits = (torch.randn(*shape) * 2.0).requires_grad_(True)
    tshape = (N, T) if layout == "NCT" else (N,)
    if spec["target"] in ("index", "index_pad"):
        t = torch.randint(0, K, tshape)
        if spec["target"] == "index_pad":
            t = torch.where(t == PAD, torch.ones_like(t), t)
            flat = t.view(-1)
            flat[0] = PAD
            flat[-1] = PAD
    elif spec["target"] == "binary":
        t = torch.randint(0, 2, shape).to(torch.float64)
    else:  # soft
        t = torch.softmax(torch.randn(*shape) * 1.5, dim=1 if layout == "NCT" else -1)
    return dict(N=N, K=K, T=T, eps=eps, PAD=PAD, logits=logits, target=t)


def to_input(torch, spec, logits, layout):
    dim = 1 if layout == "NCT" else -1
    if spec["input"] == "logprobs":
        return torch.log_softmax(logits, dim=dim)
    if spec["input"] == "probs":
        return torch.sigmoid(logits)
    return logits


def flatten(torch, logits, t):
    K = logits.size(1)
    return logits.permute(0, 2, 1).reshape(-1, K), t.reshape(-1) if t.dim() == 2 else t.permute(0, 2, 1).reshape(-1, K)


def materialize(d, inp):
    out = {}
    for k, v in d.items():
        out[k] = ({"$K": inp["K"], "$PAD": inp["PAD"], "$CLASSES": [f"class_{i}" for i in range(inp["K"])]}.get(v, v)
                  if isinstance(v, str) else v)
    return out


def call_loss(torch, src, spec, x, t, K, PAD, eps, fname, training=True, cache={}):
    key = (src, spec["symbol"])
    if key not in cache:
        # a variant split into two files is run as a module of the package its sibling was written to
        ns = ({"__name__": f"{spec['package']}.loss", "__package__": spec["package"]} if spec.get("package")
              else {"__name__": "loss_lens_rewrite"})
        exec(compile(src, fname, "exec"), ns)
        cache[key] = ns[spec["symbol"]]
    obj = cache[key]
    inp = {"K": K, "PAD": PAD}
    if isinstance(obj, type):
        kwargs = materialize(spec.get("init", {}), inp)
        if spec.get("eps_param"):
            kwargs[spec["eps_param"]] = eps
        m = obj(**kwargs)
        if not training:
            m.eval()
        out = m(x, t)
    else:
        kwargs = materialize(spec.get("call", {}), inp)
        if spec.get("eps_param"):
            kwargs[spec["eps_param"]] = eps
        out = obj(x, t, **kwargs)
    if isinstance(out, tuple):
        out = out[0]
    return out


def close(torch, a, b):
    a = a.detach()
    b = b.detach()
    if a.shape != b.shape or not torch.isfinite(a).all() or not torch.isfinite(b).all():
        return False
    scale = max(a.abs().max().item(), b.abs().max().item(), 1e-300)
    return (a - b).abs().max().item() <= RTOL * scale


def evaluate(torch, src, spec, inp, layout, eps, fname, training=True):
    logits = inp["logits"].detach().clone().requires_grad_(True)
    x = to_input(torch, spec, logits, layout)
    out = call_loss(torch, src, spec, x, inp["target"], inp["K"], inp["PAD"], eps, fname, training)
    out.sum().backward()
    return out.detach(), logits.grad.detach()


def evaluate_base_for(torch, base, inp, layout, eps):
    if layout != "NCT":
        return evaluate(torch, base["src"], base["spec"], inp, None, eps, base["file"])
    logits = inp["logits"].detach().clone().requires_grad_(True)
    x3 = to_input(torch, base["spec"], logits, "NCT")
    x, t = flatten(torch, x3, inp["target"])
    out = call_loss(torch, base["src"], base["spec"], x, t, inp["K"], inp["PAD"], eps, base["file"])
    out.sum().backward()
    return out.detach(), logits.grad.detach()


def reference(torch, base, inp):
    """The convention's own formula, in torch, for the base's reduction."""
    import torch.nn.functional as F
    spec = base["spec"]
    ref = spec["ref"]
    logits, t, eps, K, PAD = inp["logits"].detach(), inp["target"], inp["eps"], inp["K"], inp["PAD"]
    red = spec["reduction"]
    N = logits.size(0)

    def reduce(rows):
        return {"mean": rows.mean(), "sum": rows.sum(), "batchmean": rows.sum() / N, "batchsum": rows.sum() / N,
                "none": rows}[red]

    if ref in ("binary", "batch_max_plus_1_bce"):
        k = 2 if ref == "binary" else t.max().item() + 1
        y = t * (1 - eps) + eps / k
        if spec["input"] == "probs":
            p = torch.sigmoid(logits)
            el = -(y * torch.log(p) + (1 - y) * torch.log(1 - p))
        else:
            el = F.binary_cross_entropy_with_logits(logits, y, reduction="none")
        return reduce(el)
    logp = torch.log_softmax(logits, -1)
    if ref == "focal":
        lpt = logp.gather(1, t.unsqueeze(1)).squeeze(1)
        g = spec["init"].get("gamma", 2.0)
        return reduce(-(1 - lpt.exp()) ** g * lpt)
    if ref == "none":
        return F.cross_entropy(logits, t, reduction=red)
    if ref == "uniform" and spec.get("form", "ce") == "ce" and red in ("mean", "sum"):
        return F.cross_entropy(logits, t, label_smoothing=eps, reduction=red)
    oh = F.one_hot(t, K).to(logp.dtype) if ref != "soft_target" else None
    if ref == "uniform":
        q = (1 - eps) * oh + eps / K
    elif ref == "k_minus_1":
        q = torch.where(oh.bool(), torch.full_like(oh, 1 - eps), torch.full_like(oh, eps / (K - 1)))
    elif ref == "k_minus_2_padding":
        q = torch.where(oh.bool(), torch.full_like(oh, 1 - eps), torch.full_like(oh, eps / (K - 2)))
        q[:, PAD] = 0
        q[t == PAD] = 0
    elif ref == "batch_max_plus_1":
        q = (1 - eps) * oh + eps / (t.max().item() + 1)
    elif ref == "soft_target":
        q = t
    else:
        raise SystemExit(f"unknown reference {ref}")
    if spec.get("form", "ce") == "kl":
        rows = (torch.xlogy(q, q) - q * logp).sum(-1)
    else:
        rows = -(q * logp).sum(-1)
    return reduce(rows)


def check_base(torch, base):
    for seed in SEEDS:
        inp = make_inputs(torch, base["spec"], seed, None)
        out, _ = evaluate(torch, base["src"], base["spec"], inp, None, inp["eps"], base["file"])
        ref = reference(torch, base, inp)
        if not close(torch, out, ref):
            return f"seed {seed}: base {out.tolist()} != reference {ref.tolist()}"
    return None


def verify(torch, base, src, spec, fname):
    layout = spec.get("layout")
    grad_only = spec.get("grad_only", False)
    guards = spec.get("guards", [])
    for seed in SEEDS:
        inp = make_inputs(torch, base["spec"], seed, layout)
        runs = [(inp["eps"], inp["eps"])]
        if "positive" in guards:
            runs.append((0.0, 0.0))
        if "not-none" in guards:
            runs.append((0.0, None))
        for base_eps, var_eps in runs:
            if base["spec"].get("eps_param") is None and base_eps != inp["eps"]:
                continue
            b_out, b_grad = evaluate_base_for(torch, base, inp, layout, base_eps)
            try:
                v_out, v_grad = evaluate(torch, src, spec, inp, layout, var_eps, fname)
            except TypeError:
                if var_eps is None:
                    # the class derives other numbers from epsilon in __init__ (e.g. 1 - eps): None is not
                    # constructible, so only the numeric path is checked
                    continue
                raise
            if not close(torch, b_grad, v_grad):
                return f"seed {seed} eps {var_eps}: gradients differ"
            if not grad_only and not close(torch, b_out, v_out):
                return f"seed {seed} eps {var_eps}: loss {v_out.tolist()} != base {b_out.tolist()}"
        if "training" in guards:
            logits = inp["logits"].detach()
            x = to_input(torch, spec, logits, layout)
            v = call_loss(torch, src, spec, x, inp["target"], inp["K"], inp["PAD"], inp["eps"], fname, training=False)
            if not torch.isfinite(v).all():
                return "eval-mode fallback not finite"
    return None


# ----------------------------------------------------------------------------------------------------------------
# generation
# ----------------------------------------------------------------------------------------------------------------

PACKAGES = []


def packaged(sibling_src, module):
    """A fresh importable package holding the sibling module, for a split variant's relative import; its name."""
    if not PACKAGES:
        PACKAGES.append(tempfile.mkdtemp(prefix="loss_lens_rewrites_"))
        sys.path.insert(0, PACKAGES[0])
    name = f"variant_{len(PACKAGES)}"
    PACKAGES.append(name)
    os.makedirs(os.path.join(PACKAGES[0], name))
    for fname, text in (("__init__.py", ""), (f"{module}.py", sibling_src)):
        with open(os.path.join(PACKAGES[0], name, fname), "w") as fh:
            fh.write(text)
    return name


def seeded(*parts):
    return random.Random(zlib.crc32("|".join(parts).encode()))


def apply_chain(base, chain):
    tree = ast.parse(base["src"])
    spec = copy.deepcopy(base["spec"])
    for name in chain:
        tree, spec = BY_NAME[name][1](tree, spec, seeded(base["name"], *chain, name))
        tree = ast.parse(ast.unparse(ast.fix_missing_locations(tree)))  # normalise contexts and locations of the new nodes
    return tree, spec


def plan(base, singles):
    """Composed chains for a base: every non-rename single followed by one rename, plus cross-family pairs.

    The first suite's families are planned as they always were; the later ones get their own singles, renames and up
    to 10 pairs with any other family, from a separate seed; the third suite's (forms, prep, wrap) the same from a
    third seed."""
    first = [s for s in singles if BY_NAME[s][0] in FIRST_FAMILIES]
    chains = plan_chains(seeded("plan", base["name"]), first, first, 12)
    forms = [s for s in singles if BY_NAME[s][0] in FORM_FAMILIES]
    earlier = [s for s in singles if s not in forms]
    later = [s for s in earlier if s not in first]
    chains += plan_chains(seeded("plan-later", base["name"]), later, earlier, 10)
    return chains + plan_chains(seeded("plan-forms", base["name"]), forms, singles, 10)


def plan_chains(rng, own, partners, n_pairs):
    """Each single of `own`, each followed by a rename 60% of the time, and n_pairs pairs of one of `own` with one of
    `partners` from different families, in family order."""
    chains = [[s] for s in own if BY_NAME[s][0] != "rename" or own is partners]
    non_rename = [s for s in own if BY_NAME[s][0] != "rename"]
    renames = [s for s in partners if BY_NAME[s][0] == "rename"]
    for s in non_rename:
        if renames and rng.random() < 0.6:
            chains.append([s, rng.choice(renames)])
    others = [s for s in partners if BY_NAME[s][0] != "rename"]
    pairs = [(a, b) for a in others for b in others
             if (a in non_rename or b in non_rename) and BY_NAME[a][0] != BY_NAME[b][0]
             and FAMILY_ORDER[BY_NAME[a][0]] < FAMILY_ORDER[BY_NAME[b][0]]]
    rng.shuffle(pairs)
    chains.extend([list(p) for p in pairs[:n_pairs]])
    return chains


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--keep-failed", action="store_true", help="also print the source of dropped variants")
    args = ap.parse_args()
    from rewrite_forms import split_sibling
    torch = torch_mod()
    bases = load_bases()
    for b in bases:
        err = check_base(torch, b)
        if err:
            raise SystemExit(f"{b['file']}: base does not match its convention reference: {err}")
        ast.parse(b["src"])
    os.makedirs(VARIANTS, exist_ok=True)
    for f in os.listdir(VARIANTS):
        if f.endswith(".py"):
            os.remove(os.path.join(VARIANTS, f))
        elif os.path.isdir(os.path.join(VARIANTS, f)):  # a variant with its sibling module
            shutil.rmtree(os.path.join(VARIANTS, f))
    stats = {}
    entries = []
    dropped = []
    for b in bases:
        singles = []
        for fam, name, _ in TRANSFORMS:
            try:
                apply_chain(b, [name])
                singles.append(name)
            except NotApplicable:
                pass
        for chain in plan(b, singles):
            fams = [BY_NAME[c][0] for c in chain]
            try:
                tree, spec = apply_chain(b, chain)
            except NotApplicable:
                continue
            src = ast.unparse(tree) + "\n"
            vname = f"{b['name']}__{'__'.join(chain)}.py"
            header = f"# rewrite-of: {b['file']} via {', '.join(chain)}\n"
            sibling = None
            if spec.get("sibling"):
                main_tree, sibling_tree = split_sibling(tree, spec["symbol"])
                src, sibling = ast.unparse(main_tree) + "\n", header + ast.unparse(sibling_tree) + "\n"
                spec = {**spec, "package": packaged(sibling, spec["sibling"])}
            for fam in set(fams):
                stats.setdefault(fam, {"generated": 0, "verified": 0, "dropped": 0})["generated"] += 1
            try:
                err = verify(torch, b, src, spec, vname)
            except Exception as e:  # a rewrite that does not run is not meaning-preserving
                err = f"{type(e).__name__}: {e}"
            if err:
                dropped.append((vname, err))
                for fam in set(fams):
                    stats[fam]["dropped"] += 1
                if args.keep_failed:
                    print(f"--- {vname}: {err}\n{src}")
                continue
            for fam in set(fams):
                stats[fam]["verified"] += 1
            if sibling is not None:
                folder = os.path.join(VARIANTS, vname[:-3])
                os.makedirs(folder)
                with open(os.path.join(folder, f"{spec['sibling']}.py"), "w") as fh:
                    fh.write(sibling)
                vname = f"{vname[:-3]}/loss.py"
            text = header + src
            node = find_symbol(ast.parse(text), spec["symbol"])
            with open(os.path.join(VARIANTS, vname), "w") as fh:
                fh.write(text)
            ordered_fams = []
            for f in fams:
                if f not in ordered_fams:
                    ordered_fams.append(f)
            entries.append({"file": f"variants/{vname}", "base": b["file"], "symbol": spec["symbol"],
                            "line": node.lineno, "convention": b["convention"], "transforms": ordered_fams,
                            "steps": chain, "verified": True,
                            **({"gradientOnly": True} if spec.get("grad_only") else {})})
    if PACKAGES:
        shutil.rmtree(PACKAGES[0])
    entries.sort(key=lambda e: e["file"])
    manifest = {"generatedWith": f"torch {torch.__version__}", "seeds": list(SEEDS), "rtol": RTOL,
                "bases": [{"file": b["file"], "convention": b["convention"], "symbol": b["spec"]["symbol"],
                           **({"from": b["from"]} if b["from"] else {})} for b in bases],
                "variants": entries}
    with open(os.path.join(CORPUS, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    if not args.quiet:
        for v, e in dropped:
            print(f"dropped {v}: {e}")
    total_gen = sum(1 for _ in entries) + len(dropped)
    print(f"bases: {len(bases)}; variants generated {total_gen}, verified {len(entries)}, dropped {len(dropped)}"
          f" ({sum(1 for e in entries if len(e['steps']) == 1)} single-transform,"
          f" {sum(1 for e in entries if len(e['steps']) > 1)} two composed)")
    print(f"{'family':10} {'generated':>9} {'verified':>9} {'dropped':>8}")
    for fam in sorted(stats, key=lambda f: FAMILY_ORDER[f]):
        s = stats[fam]
        print(f"{fam:10} {s['generated']:9d} {s['verified']:9d} {s['dropped']:8d}")
    per_base = {}
    for e in entries:
        per_base[e["base"]] = per_base.get(e["base"], 0) + 1
    print("verified per base: " + ", ".join(f"{os.path.basename(k)[:-3]}={v}" for k, v in sorted(per_base.items())))


if __name__ == "__main__":
    main()
