"""More meaning-preserving rewrites for scripts/corpus/rewrite.py: import aliases, reduction and product spellings,
ε arithmetic, control flow around the target, and structure (subclasses, config objects, nn.LogSoftmax modules).

Each transform has the signature of rewrite.py's: (tree, spec, rng) -> (tree, spec), raising NotApplicable when the
base has nothing it could change. rewrite.py registers them through `transforms()`.
"""
import ast
import copy

from rewrite import (NotApplicable, all_identifiers, body_start, const_num, dotted, ensure_import, eps_ref, expr,
                     fresh, insert_before_containing, io_names, kw, loss_fn, match_logsoftmax, method, num,
                     replace_node, stmt_mutates, stmts, t_extract_target)


# ----------------------------------------------------------------------------------------------------------------
# imports and aliases
# ----------------------------------------------------------------------------------------------------------------

def rename_module_name(tree, old, new):
    """Every load of the module-level name `old` becomes `new` (no function here binds `old` locally)."""
    for n in ast.walk(tree):
        if isinstance(n, (ast.arg,)) and n.arg == old:
            raise NotApplicable(f"{old} is also a parameter")
        if isinstance(n, ast.Name) and n.id == old and isinstance(n.ctx, ast.Store):
            raise NotApplicable(f"{old} is also assigned")
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and n.id == old:
            n.id = new


def find_import(tree, module, alias):
    for node in tree.body:
        if isinstance(node, ast.Import) and len(node.names) == 1:
            a = node.names[0]
            if a.name == module and (a.asname or a.name.split(".")[0]) == alias:
                return node
    return None


def t_import_alias(tree, spec, rng, form):
    """`import torch as th`, `import torch.nn.functional as fn`, `from torch import nn as tnn`."""
    module, alias, pool = {"torch-as-th": ("torch", "torch", ["th", "pt"]),
                           "functional-as-fn": ("torch.nn.functional", "F", ["fn", "nnf", "tf"]),
                           "from-torch-nn": ("torch.nn", "nn", ["tnn", "nn_"])}[form]
    node = find_import(tree, module, alias)
    if node is None:
        raise NotApplicable(f"no `import {module}`")
    new = fresh(all_identifiers(tree), pool)
    rename_module_name(tree, alias, new)
    if form == "from-torch-nn":
        tree.body[tree.body.index(node)] = ast.ImportFrom(module="torch", names=[ast.alias(name="nn", asname=new)],
                                                          level=0)
    else:
        node.names[0].asname = new
    return tree, spec


FROM_ALIASES = {"log_softmax": ["lsm", "log_softmax"], "softmax": ["softmax"], "kl_div": ["kl_div", "kld"],
                "cross_entropy": ["cross_entropy", "xent"], "nll_loss": ["nll_loss", "nll"], "one_hot": ["one_hot"],
                "binary_cross_entropy_with_logits": ["bce_logits"], "binary_cross_entropy": ["bce"],
                "logsigmoid": ["logsigmoid"]}


def t_import_from_functional(tree, spec, rng):
    """`F.log_softmax(...)` -> `from torch.nn.functional import log_softmax as lsm` ... `lsm(...)`."""
    node = find_import(tree, "torch.nn.functional", "F")
    if node is None:
        raise NotApplicable("no `import torch.nn.functional as F`")
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and dotted(n.value) == "F"]
    if not uses or any(n.attr not in FROM_ALIASES for n in uses):
        raise NotApplicable("no functional call that has an alias")
    if any(isinstance(n, ast.Name) and n.id == "F" and not any(n is u.value for u in uses) for n in ast.walk(tree)):
        raise NotApplicable("F used bare")
    taken = all_identifiers(tree)
    aliases = {}
    for u in uses:
        if u.attr not in aliases:
            aliases[u.attr] = fresh(taken, FROM_ALIASES[u.attr])
        replace_node(tree, u, ast.Name(aliases[u.attr]))
    names = [ast.alias(name=a, asname=None if a == b else b) for a, b in aliases.items()]
    tree.body[tree.body.index(node)] = ast.ImportFrom(module="torch.nn.functional", names=names, level=0)
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# reductions and products
# ----------------------------------------------------------------------------------------------------------------

TENSOR_METHODS = {"sum", "mean", "gather", "squeeze", "log_softmax", "logsumexp", "log", "exp", "view", "reshape",
                  "masked_fill", "index_select"}


def tensor_like(node):
    """An expression that is a tensor whatever the base's numbers are: a tensor method's result or torch.<fn>()."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if dotted(node.func.value) in ("torch", "F"):
            return node.func.attr not in ("tensor",)
        return node.func.attr in TENSOR_METHODS
    return False


def t_negation(tree, spec, rng, form):
    """`-E` -> `-1.0 * E` | `E.neg()` | `E.mul(-1)` where E is a tensor expression."""
    cls, fn = loss_fn(tree, spec)
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and const_num(node) is None):
            continue
        e = node.operand
        if form == "mul-minus-one":
            if isinstance(e, ast.Name) or tensor_like(e) or isinstance(e, ast.BinOp):
                new = ast.BinOp(left=ast.Constant(-1.0), op=ast.Mult(), right=e)
            else:
                continue
        elif tensor_like(e):
            new = (ast.Call(func=ast.Attribute(value=e, attr="neg", ctx=ast.Load()), args=[], keywords=[])
                   if form == "neg" else
                   ast.Call(func=ast.Attribute(value=e, attr="mul", ctx=ast.Load()), args=[ast.Constant(-1)],
                            keywords=[]))
        else:
            continue
        replace_node(tree, node, new)
        n += 1
    if not n:
        raise NotApplicable("no negated tensor")
    return tree, spec


def tensor_names(tree, spec):
    """The loss's inputs and the spec's target and log-probability locals: names that hold tensors."""
    cls, fn = loss_fn(tree, spec)
    return set(io_names(fn, cls is not None)) | {spec.get("q_var"), spec.get("logp_var")} - {None}


def t_product(tree, spec, rng, form):
    """`A * B` with a tensor operand -> `A.mul(B)` | `torch.mul(A, B)` (the tensor as the receiver)."""
    n = 0
    names = tensor_names(tree, spec)

    def tensor(e):
        return tensor_like(e) or (isinstance(e, ast.Name) and e.id in names)

    class T(ast.NodeTransformer):
        def visit_BinOp(self, node):
            nonlocal n
            self.generic_visit(node)
            if not isinstance(node.op, ast.Mult):
                return node
            a, b = node.left, node.right
            if not tensor(a):
                if not tensor(b):
                    return node
                a, b = b, a
            n += 1
            if form == "method":
                return ast.Call(func=ast.Attribute(value=a, attr="mul", ctx=ast.Load()), args=[b], keywords=[])
            return ast.Call(func=expr("torch.mul"), args=[a, b], keywords=[])

    T().visit(tree)
    if not n:
        raise NotApplicable("no tensor product")
    ensure_import(tree, "torch", "torch")
    return tree, spec


def sum_over_classes(node):
    """(A, B, dim) for `(A * B).sum(d)`, `(A * B).sum(dim=d)`, `torch.sum(A * B, d)` with d in (-1, 1)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sum"):
        return None
    if dotted(node.func.value) == "torch":
        if not node.args:
            return None
        e, rest = node.args[0], node.args[1:]
    else:
        e, rest = node.func.value, node.args
    dims = list(rest) + [k.value for k in node.keywords if k.arg == "dim"]
    if len(dims) != 1 or any(k.arg != "dim" for k in node.keywords) or const_num(dims[0]) not in (-1, 1):
        return None
    sign = 1
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        sign, e = -1, e.operand
    if not (isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult)):
        return None
    a, b = e.left, e.right
    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub):
        sign, a = -sign, a.operand
    if not all(isinstance(v, (ast.Name, ast.Attribute)) for v in (a, b)):
        return None
    return a, b, const_num(dims[0]), sign


def t_einsum(tree, spec, rng):
    """`(q * logp).sum(-1)` -> `torch.einsum('nc,nc->n', q, logp)` (2-D rows)."""
    n = 0
    for node in list(ast.walk(tree)):
        m = sum_over_classes(node)
        if not m:
            continue
        a, b, _, sign = m
        new = ast.Call(func=expr("torch.einsum"), args=[ast.Constant("nc,nc->n"), a, b], keywords=[])
        replace_node(tree, node, new if sign > 0 else ast.UnaryOp(op=ast.USub(), operand=new))
        n += 1
    if not n:
        raise NotApplicable("no class sum of a product")
    ensure_import(tree, "torch", "torch")
    return tree, spec


def t_mean_as_sum(tree, spec, rng):
    """`E.mean()` / `torch.mean(E)` -> `E.sum() / E.numel()` (a temporary when E is not a name)."""
    cls, fn = loss_fn(tree, spec)
    taken = all_identifiers(tree)
    n = 0
    for node in list(ast.walk(fn)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "mean"
                and not node.keywords):
            continue
        if dotted(node.func.value) == "torch":
            if len(node.args) != 1:
                continue
            e = node.args[0]
        elif node.args or dotted(node.func.value) in ("F", "np", "math"):
            continue
        else:
            e = node.func.value
        if not isinstance(e, (ast.Name, ast.Attribute)):
            tmp = fresh(taken, ["per_row", "rows", "elementwise"], rng)
            insert_before_containing(fn, node, [ast.Assign(targets=[ast.Name(tmp)], value=e)])
            e = ast.Name(tmp)
        src = ast.unparse(e)
        replace_node(fn, node, expr(f"{src}.sum() / {src}.numel()"))
        n += 1
    if not n:
        raise NotApplicable("no mean")
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# ε arithmetic
# ----------------------------------------------------------------------------------------------------------------

def eps_names(spec, cls):
    """Predicate: does an expression read ε (the parameter, or the attribute holding it)?"""
    param, attr = spec.get("eps_param"), spec.get("eps_attr")
    if param is None:
        raise NotApplicable("no epsilon")

    def reads(node):
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id == param:
                return True
            if cls is not None and attr and isinstance(n, ast.Attribute) and dotted(n.value) == "self" \
                    and n.attr == attr:
                return True
        return False

    return reads


def t_eps_one(tree, spec, rng):
    """`1 - eps` <-> `1. - eps` (every `1` / `1.0` subtracting ε)."""
    cls, _ = loss_fn(tree, spec)
    reads = eps_names(spec, cls)
    n = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and const_num(node.left) == 1 \
                and isinstance(node.left, ast.Constant) and reads(node.right):
            node.left = ast.Constant(1 if isinstance(node.left.value, float) else 1.0)
            n += 1
    if not n:
        raise NotApplicable("no 1 - eps")
    return tree, spec


def t_eps_division(tree, spec, rng, form):
    """`eps / k` -> `eps / float(k)` | `eps * (1.0 / k)`."""
    cls, _ = loss_fn(tree, spec)
    reads = eps_names(spec, cls)
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and reads(node.left)
                and not reads(node.right) and const_num(node.right) is None):
            continue
        if form == "float":
            if isinstance(node.right, ast.Call) and dotted(node.right.func) == "float":
                continue
            node.right = ast.Call(func=ast.Name("float"), args=[node.right], keywords=[])
        else:
            replace_node(tree, node, ast.BinOp(left=node.left, op=ast.Mult(),
                                               right=ast.BinOp(left=ast.Constant(1.0), op=ast.Div(),
                                                               right=node.right)))
        n += 1
    if not n:
        raise NotApplicable("no eps / k")
    return tree, spec


def t_eps_hoist(tree, spec, rng):
    """The first `eps / k` (or `eps * ...`) of the loss becomes a local computed just before its statement."""
    cls, fn = loss_fn(tree, spec)
    reads = eps_names(spec, cls)
    for node in ast.walk(fn):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and reads(node.left):
            name = fresh(all_identifiers(tree), ["off_value", "off", "smooth_value", "fill_value"], rng)
            insert_before_containing(fn, node, [ast.Assign(targets=[ast.Name(name)], value=copy.deepcopy(node))])
            replace_node(fn, node, ast.Name(name))
            return tree, spec
    raise NotApplicable("no eps / k in the loss")


def derived_attribute(cls, fn, spec):
    """(init, statement, attribute, value read from self) for `self.confidence = 1.0 - smoothing` in __init__: an
    attribute computed from ε alone that only __init__ and the loss read."""
    if cls is None or not spec.get("eps_attr") or not spec.get("eps_param"):
        raise NotApplicable("no epsilon attribute")
    init = method(cls, "__init__")
    param, attr = spec["eps_param"], spec["eps_attr"]
    for s in init.body if init else []:
        if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Attribute)
                and dotted(s.targets[0].value) == "self" and s.targets[0].attr != attr):
            continue
        names = {n.id for n in ast.walk(s.value) if isinstance(n, ast.Name)}
        derived = s.targets[0].attr
        if names != {param} or any(isinstance(n, ast.Attribute) and dotted(n.value) == "self" and n.attr == derived
                                   for m in cls.body if isinstance(m, ast.FunctionDef) and m not in (init, fn)
                                   for n in ast.walk(m)):
            continue
        value = copy.deepcopy(s.value)
        for n in list(ast.walk(value)):
            if isinstance(n, ast.Name) and n.id == param:
                replace_node(value, n, expr(f"self.{attr}"))
        return init, s, derived, value
    raise NotApplicable("no attribute derived from epsilon")


def t_confidence_in_forward(tree, spec, rng):
    """`self.confidence = 1.0 - smoothing` in __init__ -> `confidence = 1.0 - self.smoothing` in forward."""
    cls, fn = loss_fn(tree, spec)
    init, stmt, derived, value = derived_attribute(cls, fn, spec)
    init.body.remove(stmt)
    local = fresh(all_identifiers(tree), [derived, derived + "_"])
    for n in list(ast.walk(fn)):
        if isinstance(n, ast.Attribute) and dotted(n.value) == "self" and n.attr == derived:
            replace_node(fn, n, ast.Name(local))
    fn.body.insert(body_start(fn), ast.Assign(targets=[ast.Name(local)], value=value))
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# control flow around the target
# ----------------------------------------------------------------------------------------------------------------

def fallback(spec, fn, cls):
    if not spec.get("fallback"):
        raise NotApplicable("no fallback")
    x, t = io_names(fn, cls is not None)
    return expr(spec["fallback"].format(x=x, t=t))


def t_guard_early_return(tree, spec, rng):
    """`if eps == 0: return <plain loss>` before the smoothing body."""
    cls, fn = loss_fn(tree, spec)
    e = eps_ref(spec, cls)
    fn.body.insert(body_start(fn), ast.If(test=expr(f"{e} == 0"), body=[ast.Return(value=fallback(spec, fn, cls))],
                                          orelse=[]))
    ensure_import(tree, "torch.nn.functional", "F")
    spec = copy.deepcopy(spec)
    spec.setdefault("guards", []).append("positive")
    return tree, spec


def t_guard_ternary(tree, spec, rng):
    """The final `return E` -> `return E if eps > 0 else <plain loss>`."""
    cls, fn = loss_fn(tree, spec)
    e = eps_ref(spec, cls)
    last = fn.body[-1]
    if not isinstance(last, ast.Return) or last.value is None:
        raise NotApplicable("no final return")
    last.value = ast.IfExp(test=expr(f"{e} > 0"), body=last.value, orelse=fallback(spec, fn, cls))
    ensure_import(tree, "torch.nn.functional", "F")
    spec = copy.deepcopy(spec)
    spec.setdefault("guards", []).append("positive")
    return tree, spec


def target_block(fn, q):
    """(start, end) of the top-level statements of fn building q: its first assignment to its last in-place update."""
    body = fn.body
    start = next((i for i, s in enumerate(body) if isinstance(s, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == q for t in s.targets)), None)
    if start is None:
        raise NotApplicable("target not built at the top level")
    end = start
    for j in range(start + 1, len(body)):
        if stmt_mutates(body[j], q):
            end = j
        else:
            break
    return start, end


def t_no_grad_target(tree, spec, rng):
    """The statements building the smoothed target wrapped in `with torch.no_grad():`."""
    cls, fn = loss_fn(tree, spec)
    q = spec.get("q_var")
    if not q:
        raise NotApplicable("no target variable")
    start, end = target_block(fn, q)
    block = fn.body[start:end + 1]
    fn.body[start:end + 1] = [ast.With(items=[ast.withitem(context_expr=expr("torch.no_grad()"))], body=block)]
    ensure_import(tree, "torch", "torch")
    return tree, spec


def t_target_cast(tree, spec, rng, form):
    """After the target is built: `q = q.detach()` | `q.clone()` | `q.to(x.dtype)` | `q.type_as(x)`."""
    cls, fn = loss_fn(tree, spec)
    q = spec.get("q_var")
    if not q:
        raise NotApplicable("no target variable")
    x, _ = io_names(fn, cls is not None)
    _, end = target_block(fn, q)
    call = {"detach": f"{q}.detach()", "clone": f"{q}.clone()", "to-dtype": f"{q}.to({x}.dtype)",
            "type-as": f"{q}.type_as({x})"}[form]
    fn.body.insert(end + 1, ast.Assign(targets=[ast.Name(q)], value=expr(call)))
    return tree, spec


def t_label_cast(tree, spec, rng):
    """`target = target.long()` (index labels) or `target = target.type_as(x)` (0/1 labels) first in the loss."""
    cls, fn = loss_fn(tree, spec)
    x, t = io_names(fn, cls is not None)
    if spec["target"] in ("index", "index_pad"):
        new = f"{t} = {t}.long()"
    elif spec["target"] == "binary":
        new = f"{t} = {t}.type_as({x})"
    else:
        raise NotApplicable("soft target")
    fn.body.insert(body_start(fn), stmts(new)[0])
    return tree, spec


def single_use_assigns(fn):
    """Top-level `name = value` of fn whose name is stored once and read once, in the next statement."""
    out = []
    body = fn.body
    for i, s in enumerate(body[:-1]):
        if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)):
            continue
        name = s.targets[0].id
        stores = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)]
        loads = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
        nxt = body[i + 1]
        if len(stores) == 1 and len(loads) == 1 and any(n is loads[0] for n in ast.walk(nxt)) \
                and not stmt_mutates(nxt, name) and not isinstance(nxt, (ast.With, ast.If, ast.For, ast.FunctionDef)):
            out.append((i, name, loads[0]))
    return out


def t_temp(tree, spec, rng, form):
    """A local used once in the next statement: inlined (`inline`) or bound there with a walrus (`walrus`)."""
    cls, fn = loss_fn(tree, spec)
    found = single_use_assigns(fn)
    if not found:
        raise NotApplicable("no single-use local")
    for i, name, load in reversed(found):
        value = fn.body[i].value
        wrapped = value if form == "inline" else ast.NamedExpr(target=ast.Name(name, ctx=ast.Store()), value=value)
        replace_node(fn.body[i + 1], load, wrapped)
        del fn.body[i]
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# structure
# ----------------------------------------------------------------------------------------------------------------

def t_logsoftmax_holder(tree, spec, rng, form):
    """The log-softmax held by a lambda in the loss (`lambda`) or an `nn.LogSoftmax(dim)` module (`module`)."""
    cls, fn = loss_fn(tree, spec)
    calls = [n for n in ast.walk(fn) if match_logsoftmax(n)]
    if not calls:
        raise NotApplicable("no log-softmax")
    dims = {ast.unparse(match_logsoftmax(c)[1]) for c in calls}
    if len(dims) != 1:
        raise NotApplicable("several dims")
    dim = dims.pop()
    taken = all_identifiers(tree)
    if form == "module":
        if cls is None or method(cls, "__init__") is None:
            raise NotApplicable("not a module with __init__")
        attr = fresh(taken, ["log_softmax", "lsm", "normalize"], rng)
        method(cls, "__init__").body.append(stmts(f"self.{attr} = nn.LogSoftmax(dim={dim})")[0])
        ensure_import(tree, "torch.nn", "nn")
        callee = f"self.{attr}"
    else:
        callee = fresh(taken, ["lsm", "log_probs_of", "normalise"], rng)
        arg = fresh(taken, ["z", "v", "s"], rng)
        fn.body.insert(body_start(fn), stmts(f"{callee} = lambda {arg}: F.log_softmax({arg}, dim={dim})")[0])
        ensure_import(tree, "torch.nn.functional", "F")
    for c in calls:
        replace_node(fn, c, ast.Call(func=expr(callee), args=[match_logsoftmax(c)[0]], keywords=[]))
    return tree, spec


def t_subclass(tree, spec, rng):
    """The loss becomes a private base class; the symbol is a subclass whose forward calls `super().forward`."""
    cls, fn = loss_fn(tree, spec)
    if cls is None:
        raise NotApplicable("not a class")
    name = cls.name
    base = fresh(all_identifiers(tree), ["_" + name + "Base", "Base" + name], rng)
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and n.id == name:
            n.id = base
    cls.name = base
    x, t = io_names(fn, True)
    sub = stmts(f"class {name}({base}):\n\n    def forward(self, {x}, {t}):\n"
                f"        return super().forward({x}, {t})\n")[0]
    tree.body.insert(tree.body.index(cls) + 1, sub)
    return tree, spec


def t_config_object(tree, spec, rng, form):
    """ε kept in a config object: a dataclass with ε's default (`self.cfg = LossConfig(smoothing=smoothing)`, read as
    `self.cfg.smoothing`), a dict (`{'smoothing': smoothing}`, `self.cfg['smoothing']`) or a `SimpleNamespace`."""
    cls, fn = loss_fn(tree, spec)
    if cls is None or not spec.get("eps_attr") or not spec.get("eps_param") or "." in spec["eps_attr"]:
        raise NotApplicable("no epsilon attribute")
    init = method(cls, "__init__")
    attr, param = spec["eps_attr"], spec["eps_param"]
    args = init.args
    defaults = dict(zip([a.arg for a in args.args][len(args.args) - len(args.defaults):], args.defaults))
    if param not in defaults or const_num(defaults[param]) is None:
        raise NotApplicable("epsilon without a numeric default")
    stmt = next((s for s in init.body if isinstance(s, ast.Assign) and len(s.targets) == 1
                 and isinstance(s.targets[0], ast.Attribute) and dotted(s.targets[0].value) == "self"
                 and s.targets[0].attr == attr), None)
    if stmt is None:
        raise NotApplicable("epsilon attribute not set in __init__")
    taken = all_identifiers(tree)
    holder = fresh(taken, ["cfg", "config", "hparams"], rng)
    cfg_cls = fresh(taken, ["LossConfig", "SmoothingConfig"], rng) if form == "dataclass" else "SimpleNamespace"
    stmt.targets[0].attr = holder
    value = ast.unparse(stmt.value)
    stmt.value = expr(f"{{{attr!r}: {value}}}" if form == "dict" else f"{cfg_cls}({attr}={value})")
    read = f"self.{holder}[{attr!r}]" if form == "dict" else f"self.{holder}.{attr}"
    for m in cls.body:
        for n in list(ast.walk(m)) if isinstance(m, ast.FunctionDef) else []:
            if isinstance(n, ast.Attribute) and dotted(n.value) == "self" and n.attr == attr:
                replace_node(m, n, expr(read))
    if form == "dataclass":
        dc = stmts(f"@dataclass\nclass {cfg_cls}:\n    {attr}: float = {ast.unparse(defaults[param])}\n")[0]
        tree.body.insert(tree.body.index(cls), dc)
        tree.body.insert(0, stmts("from dataclasses import dataclass")[0])
    elif form == "namespace":
        tree.body.insert(0, stmts("from types import SimpleNamespace")[0])
    spec = copy.deepcopy(spec)
    spec["eps_attr"] = read[len("self."):]
    return tree, spec


def t_eps_bounds(tree, spec, rng):
    """`eps = max(0.0, min(1.0, eps))` first where ε is declared."""
    holder, arg, _ = eps_holder(tree, spec)
    holder.body.insert(body_start(holder), stmts(f"{arg.arg} = max(0.0, min(1.0, {arg.arg}))")[0])
    return tree, spec


def t_call_keywords(tree, spec, rng):
    """Positional arguments to the file's own functions passed by keyword (`smoothed_nll(lp, t, eps=self.eps)`)."""
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    n = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in funcs \
                and len(node.args) > 1 and not any(isinstance(a, ast.Starred) for a in node.args):
            params = [a.arg for a in funcs[node.func.id].args.args]
            if len(params) < len(node.args):
                continue
            keep = node.args[:1]
            node.keywords = [ast.keyword(arg=p, value=a) for p, a in zip(params[1:], node.args[1:])] + node.keywords
            node.args = keep
            n += 1
    if not n:
        raise NotApplicable("no positional call to a local function")
    return tree, spec


def t_classmethod_target(tree, spec, rng):
    """The target built in a `@classmethod` (helper-target-static with `cls`)."""
    tree, spec = t_extract_target(tree, spec, rng, "static")
    cls, _ = loss_fn(tree, spec)
    helper = next(m for m in cls.body if isinstance(m, ast.FunctionDef)
                  and any(dotted(d) == "staticmethod" for d in m.decorator_list))
    helper.decorator_list = [ast.Name("classmethod")]
    helper.args.args.insert(0, ast.arg(arg=fresh({a.arg for a in helper.args.args}, ["cls", "klass"])))
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# second batch: qualified names, in-place accumulation, index spellings, ε as a buffer or property,
# plain classes and delegating forwards
# ----------------------------------------------------------------------------------------------------------------

def t_import_qualified(tree, spec, rng):
    """`import torch.nn.functional as F` / `import torch.nn as nn` dropped: `torch.nn.functional.log_softmax(...)`."""
    n = 0
    for module, alias in (("torch.nn.functional", "F"), ("torch.nn", "nn")):
        node = find_import(tree, module, alias)
        if node is None:
            continue
        uses = [u for u in ast.walk(tree) if isinstance(u, ast.Name) and u.id == alias]
        parents = [p for p in ast.walk(tree) if isinstance(p, ast.Attribute) and isinstance(p.value, ast.Name)
                   and p.value.id == alias]
        if len(uses) != len(parents) or any(isinstance(u.ctx, ast.Store) for u in uses):
            raise NotApplicable(f"{alias} used bare")
        for p in parents:
            p.value = expr(module)
        node.names[0].asname = None
        n += 1
    if not n:
        raise NotApplicable("no aliased torch.nn import")
    return tree, spec


def t_import_from_nn(tree, spec, rng):
    """`import torch.nn.functional as F` -> `from torch.nn import functional as F`."""
    node = find_import(tree, "torch.nn.functional", "F")
    if node is None:
        raise NotApplicable("no `import torch.nn.functional as F`")
    tree.body[tree.body.index(node)] = ast.ImportFrom(module="torch.nn", names=[ast.alias(name="functional",
                                                                                          asname="F")], level=0)
    return tree, spec


def t_augmented(tree, spec, rng):
    """`return A + B` / `v = A + B` in the loss -> `v = A` then `v += B` (A a fresh tensor, never a name)."""
    cls, fn = loss_fn(tree, spec)
    taken = all_identifiers(tree)
    for i, s in enumerate(fn.body):
        value = s.value if isinstance(s, (ast.Return, ast.Assign)) else None
        if isinstance(s, ast.Assign) and not (len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)):
            continue
        if not (isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Sub))
                and isinstance(value.left, (ast.BinOp, ast.Call, ast.UnaryOp))):
            continue
        name = s.targets[0].id if isinstance(s, ast.Assign) else fresh(taken, ["total", "acc", "loss_value"], rng)
        new = [ast.Assign(targets=[ast.Name(name)], value=value.left),
               ast.AugAssign(target=ast.Name(name), op=value.op, value=value.right)]
        if isinstance(s, ast.Return):
            new.append(ast.Return(value=ast.Name(name)))
        fn.body[i:i + 1] = new
        return tree, spec
    raise NotApplicable("no sum of two terms")


def label_index(node):
    """I for `I.unsqueeze(1|-1)`."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "unsqueeze"
            and len(node.args) == 1 and not node.keywords and const_num(node.args[0]) in (1, -1)
            and isinstance(node.func.value, (ast.Name, ast.Attribute))):
        return node.func.value
    return None


def t_unsqueeze(tree, spec, rng, form):
    """`I.unsqueeze(1)` -> `I[:, None]` | `I.view(-1, 1)`."""
    n = 0
    for node in list(ast.walk(tree)):
        i = label_index(node)
        if i is None:
            continue
        src = ast.unparse(i)
        replace_node(tree, node, expr(f"{src}[:, None]" if form == "none-index" else f"{src}.view(-1, 1)"))
        n += 1
    if not n:
        raise NotApplicable("no unsqueeze")
    return tree, spec


def match_gather(node):
    """(X, I, squeezed) for `X.gather(d, I.unsqueeze(d))[.squeeze(d)]` with d in (1, -1) and X a name."""
    squeezed = False
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "squeeze"
            and len(node.args) == 1 and const_num(node.args[0]) in (1, -1)):
        node, squeezed = node.func.value, True
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "gather"
            and isinstance(node.func.value, ast.Name)):
        return None
    args = list(node.args) + [None] * (2 - len(node.args))
    dim = args[0] if args[0] is not None else next((k.value for k in node.keywords if k.arg == "dim"), None)
    index = args[1] if args[1] is not None else next((k.value for k in node.keywords if k.arg == "index"), None)
    if dim is None or const_num(dim) not in (1, -1) or index is None or label_index(index) is None:
        return None
    return node.func.value, label_index(index), squeezed


def t_gather_index(tree, spec, rng):
    """`lp.gather(1, y.unsqueeze(1)).squeeze(1)` -> `lp[torch.arange(lp.size(0)), y]` (2-D)."""
    n = 0
    for node in list(ast.walk(tree)):
        m = match_gather(node)
        if not m:
            continue
        x, i, squeezed = (ast.unparse(m[0]), ast.unparse(m[1]), m[2])
        picked = f"{x}[torch.arange({x}.size(0)), {i}]"
        replace_node(tree, node, expr(picked if squeezed else f"{picked}.unsqueeze(1)"))
        n += 1
    if not n:
        raise NotApplicable("no gather of the labels")
    ensure_import(tree, "torch", "torch")
    return tree, spec


def t_buffer_eps(tree, spec, rng):
    """`self.smoothing = smoothing` -> `self.register_buffer('smoothing', torch.tensor(smoothing))`."""
    cls, fn = loss_fn(tree, spec)
    if cls is None or not spec.get("eps_attr") or "." in spec["eps_attr"]:
        raise NotApplicable("no epsilon attribute")
    init = method(cls, "__init__")
    for s in init.body if init else []:
        if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Attribute)
                and dotted(s.targets[0].value) == "self" and s.targets[0].attr == spec["eps_attr"]
                and isinstance(s.value, ast.Name) and s.value.id == spec["eps_param"]):
            init.body[init.body.index(s)] = stmts(
                f"self.register_buffer({spec['eps_attr']!r}, torch.tensor({spec['eps_param']}))")[0]
            ensure_import(tree, "torch", "torch")
            return tree, spec
    raise NotApplicable("epsilon not stored as itself")


def t_property(tree, spec, rng):
    """`self.confidence = 1.0 - smoothing` in __init__ -> a property:
    `@property def confidence(self): return 1.0 - self.smoothing`."""
    cls, fn = loss_fn(tree, spec)
    init, stmt, derived, value = derived_attribute(cls, fn, spec)
    init.body.remove(stmt)
    prop = stmts(f"@property\ndef {derived}(self):\n    return {ast.unparse(value)}\n")[0]
    cls.body.insert(cls.body.index(init) + 1, prop)
    return tree, spec


def is_super_init(s):
    return (isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Attribute)
            and s.value.func.attr == "__init__" and isinstance(s.value.func.value, ast.Call)
            and dotted(s.value.func.value.func) == "super")


def t_plain_class(tree, spec, rng):
    """An `nn.Module` loss as a plain class: no base, no `super().__init__()`, `forward` renamed `__call__`."""
    cls, fn = loss_fn(tree, spec)
    if cls is None or [dotted(b) for b in cls.bases] != ["nn.Module"]:
        raise NotApplicable("not a direct nn.Module")
    if any(isinstance(n, ast.Attribute) and n.attr in ("training", "register_buffer", "forward")
           for n in ast.walk(cls)):
        raise NotApplicable("uses nn.Module features")
    cls.bases = []
    init = method(cls, "__init__")
    if init is not None:
        init.body = [s for s in init.body if not is_super_init(s)] or [ast.Pass()]
    fn.name = "__call__"
    return tree, spec


def t_delegate(tree, spec, rng):
    """`forward` returns `self.compute_loss(x, t)`, a method holding the original body."""
    cls, fn = loss_fn(tree, spec)
    if cls is None:
        raise NotApplicable("not a class")
    name = fresh(all_identifiers(tree), ["compute_loss", "loss_terms", "_forward_impl"], rng)
    x, t = io_names(fn, True)
    helper = copy.deepcopy(fn)
    helper.name = name
    helper.decorator_list = []
    fn.body = fn.body[:body_start(fn)] + stmts(f"return self.{name}({x}, {t})")
    cls.body.insert(cls.body.index(fn) + 1, helper)
    return tree, spec


def t_assert_range(tree, spec, rng):
    """`assert 0 <= eps < 1` first in the loss."""
    cls, fn = loss_fn(tree, spec)
    e = eps_ref(spec, cls)
    fn.body.insert(body_start(fn), stmts(f"assert 0 <= {e} < 1, 'smoothing must be in [0, 1)'")[0])
    return tree, spec


def t_keepdim(tree, spec, rng):
    """`E.sum(-1)` -> `E.sum(-1, keepdim=True).squeeze(-1)` (class sums, 2-D)."""
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sum"
                and dotted(node.func.value) not in ("torch", "F", "np", "math")):
            continue
        dims = list(node.args) + [k.value for k in node.keywords if k.arg == "dim"]
        if len(dims) != 1 or len(node.keywords) > (0 if node.args else 1) or const_num(dims[0]) not in (-1, 1):
            continue
        d = const_num(dims[0])
        new = copy.deepcopy(node)
        new.keywords.append(ast.keyword(arg="keepdim", value=ast.Constant(True)))
        replace_node(tree, node, ast.Call(func=ast.Attribute(value=new, attr="squeeze", ctx=ast.Load()),
                                          args=[num(d)], keywords=[]))
        n += 1
    if not n:
        raise NotApplicable("no class sum")
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# third batch: log-softmax spellings, in-place affine targets, tuple returns, where ε's default lives, partial
# ----------------------------------------------------------------------------------------------------------------

def t_logsoftmax_more(tree, spec, rng, form):
    """Log-softmax as `x.softmax(d).log()` | `torch.log_softmax(x, dim=d)` | `nn.LogSoftmax(dim=d)(x)`."""
    n = 0
    for c in [c for c in ast.walk(tree) if match_logsoftmax(c)]:
        inp, dim, _ = match_logsoftmax(c)
        i = ast.unparse(inp)
        if not isinstance(inp, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
            i = f"({i})"
        d = ast.unparse(dim)
        new = {"softmax-log": f"{i}.softmax(dim={d}).log()", "torch-function": f"torch.log_softmax({i}, dim={d})",
               "module-inline": f"nn.LogSoftmax(dim={d})({i})"}[form]
        if ast.unparse(c) == new:
            continue
        replace_node(tree, c, expr(new))
        n += 1
    if not n:
        raise NotApplicable("no log-softmax")
    ensure_import(tree, "torch", "torch")
    if form == "module-inline":
        ensure_import(tree, "torch.nn", "nn")
    return tree, spec


def t_inplace_affine(tree, spec, rng):
    """`q = a * X + c` (X a one-hot or the labels) -> `q = X.clone()`, `q.mul_(a)`, `q.add_(c)`."""
    cls, fn = loss_fn(tree, spec)
    for lst in [fn.body] + [s.body for s in fn.body if isinstance(s, ast.With)]:
        for i, s in enumerate(lst):
            if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)):
                continue
            v = s.value
            if not (isinstance(v, ast.BinOp) and isinstance(v.op, ast.Add) and isinstance(v.left, ast.BinOp)
                    and isinstance(v.left.op, ast.Mult)):
                continue
            a, x = v.left.left, v.left.right
            if isinstance(a, (ast.Name, ast.Call)) and not isinstance(x, (ast.Name, ast.Call)):
                a, x = x, a
            if not isinstance(x, (ast.Name, ast.Call)) or tensor_like(a):
                continue
            q = s.targets[0].id
            lst[i:i + 1] = [ast.Assign(targets=[ast.Name(q)], value=expr(f"{ast.unparse(x)}.clone()")),
                            ast.Expr(expr(f"{q}.mul_({ast.unparse(a)})")),
                            ast.Expr(expr(f"{q}.add_({ast.unparse(v.right)})"))]
            return tree, spec
    raise NotApplicable("no affine target")


def t_return_tuple(tree, spec, rng):
    """`return loss` -> `return loss, loss.detach()` (a loss and a value to log)."""
    cls, fn = loss_fn(tree, spec)
    rets = [n for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None]
    if not rets or any(isinstance(r.value, ast.Tuple) for r in rets):
        raise NotApplicable("no single-value return")
    for r in rets:
        v = r.value
        if isinstance(v, ast.Name):
            r.value = ast.Tuple(elts=[v, expr(f"{v.id}.detach()")], ctx=ast.Load())
        else:
            r.value = ast.Tuple(elts=[v, expr(f"({ast.unparse(v)}).detach()")], ctx=ast.Load())
    return tree, spec


def eps_holder(tree, spec):
    """(function, arg) declaring ε: __init__ for classes, the loss function otherwise."""
    cls, fn = loss_fn(tree, spec)
    holder = method(cls, "__init__") if cls is not None else fn
    param = spec.get("eps_param")
    if holder is None or param is None:
        raise NotApplicable("no epsilon parameter")
    args = holder.args
    positional = args.posonlyargs + args.args
    for i, a in enumerate(positional):
        if a.arg == param:
            k = i - (len(positional) - len(args.defaults))
            return holder, a, ("pos", k)
    for i, a in enumerate(args.kwonlyargs):
        if a.arg == param:
            return holder, a, ("kw", i)
    raise NotApplicable("epsilon not a parameter")


def eps_default(holder, where):
    kind, i = where
    if kind == "pos":
        return holder.args.defaults[i] if i >= 0 else None
    return holder.args.kw_defaults[i]


def set_eps_default(holder, where, value):
    kind, i = where
    if kind == "pos":
        holder.args.defaults[i] = value
    else:
        holder.args.kw_defaults[i] = value


def t_eps_default(tree, spec, rng, form):
    """Where ε's default lives: a module constant (`EPS = 0.1`, `eps=EPS`), `None` resolved in the body
    (`if eps is None: eps = 0.1`, `eps = eps or 0.1`), a keyword-only parameter, or `**kwargs`
    (`kwargs.get('eps', 0.1)`)."""
    holder, arg, where = eps_holder(tree, spec)
    default = eps_default(holder, where)
    if default is None or const_num(default) is None:
        raise NotApplicable("epsilon without a numeric default")
    param = arg.arg
    if form == "module-constant":
        name = fresh(all_identifiers(tree), ["LABEL_SMOOTHING", "DEFAULT_EPS", "SMOOTHING"], rng)
        set_eps_default(holder, where, ast.Name(name))
        last = max((i for i, n in enumerate(tree.body) if isinstance(n, (ast.Import, ast.ImportFrom))), default=-1)
        tree.body.insert(last + 1, ast.Assign(targets=[ast.Name(name)], value=default))
    elif form == "none-default":
        set_eps_default(holder, where, ast.Constant(None))
        holder.body.insert(body_start(holder), stmts(f"if {param} is None:\n    {param} = {ast.unparse(default)}")[0])
    elif form == "or-default":
        set_eps_default(holder, where, ast.Constant(None))
        holder.body.insert(body_start(holder), stmts(f"{param} = {param} or {ast.unparse(default)}")[0])
    elif form == "keyword-only":
        if where[0] != "pos":
            raise NotApplicable("already keyword-only")
        holder.args.args.remove(arg)
        holder.args.defaults.pop(where[1])
        holder.args.kwonlyargs.insert(0, arg)
        holder.args.kw_defaults.insert(0, default)
    elif form == "kwargs":
        if where[0] != "pos" or holder.args.kwarg is not None:
            raise NotApplicable("epsilon not positional")
        later = holder.args.args[holder.args.args.index(arg) + 1:]
        if later:
            raise NotApplicable("parameters after epsilon")
        holder.args.args.remove(arg)
        holder.args.defaults.pop(where[1])
        holder.args.kwarg = ast.arg(arg="kwargs")
        holder.body.insert(body_start(holder),
                           stmts(f"{param} = kwargs.get({param!r}, {ast.unparse(default)})")[0])
    return tree, spec


def t_partial(tree, spec, rng):
    """A loss function binds ε into its own body with `functools.partial` of a private copy of it."""
    cls, fn = loss_fn(tree, spec)
    param = spec.get("eps_param")
    if cls is not None or param is None:
        raise NotApplicable("not a function with epsilon")
    impl = copy.deepcopy(fn)
    impl.name = fresh(all_identifiers(tree), ["_" + fn.name, fn.name + "_impl"], rng)
    x, t = io_names(fn, False)
    others = [a.arg for a in fn.args.args + fn.args.kwonlyargs if a.arg not in (x, t, param)]
    bound = ", ".join([f"{param}={param}"] + [f"{o}={o}" for o in others])
    fn.body = fn.body[:body_start(fn)] + stmts(
        f"bound = functools.partial({impl.name}, {bound})\nreturn bound({x}, {t})")
    tree.body.insert(tree.body.index(fn), impl)
    ensure_import(tree, "functools", "functools")
    return tree, spec


def t_fill(tree, spec, rng, form):
    """`torch.full_like(X, v)` -> `X.new_full(X.shape, v)` | `torch.ones_like(X) * v` |
    `torch.zeros_like(X).fill_(v)`."""
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.Call) and dotted(node.func) == "torch.full_like" and len(node.args) == 2
                and not node.keywords and isinstance(node.args[0], (ast.Name, ast.Attribute))):
            continue
        x, v = (ast.unparse(a) for a in node.args)
        new = {"new-full": f"{x}.new_full({x}.shape, {v})", "ones-mul": f"torch.ones_like({x}) * ({v})",
               "zeros-fill": f"torch.zeros_like({x}).fill_({v})"}[form]
        replace_node(tree, node, expr(new))
        n += 1
    if not n:
        raise NotApplicable("no full_like")
    return tree, spec


def t_kl_log_target(tree, spec, rng):
    """`F.kl_div(lp, q, …)` -> `F.kl_div(lp, q.log(), …, log_target=True)` (targets without zeros)."""
    if spec.get("has_zeros"):
        raise NotApplicable("target has zeros")
    n = 0
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and dotted(node.func) in ("F.kl_div", "torch.nn.functional.kl_div")
                and len(node.args) == 2 and kw(node, "log_target") is None):
            q = node.args[1]
            node.args[1] = ast.Call(func=ast.Attribute(value=q, attr="log", ctx=ast.Load()), args=[], keywords=[])
            node.keywords.append(ast.keyword(arg="log_target", value=ast.Constant(True)))
            n += 1
    if not n:
        raise NotApplicable("no F.kl_div")
    return tree, spec


def t_where_fills(tree, spec, rng):
    """`torch.where(m, a, b)` with number branches -> `torch.where(m, torch.full(m.shape, a), torch.full(m.shape,
    b))`."""
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.Call) and dotted(node.func) == "torch.where" and len(node.args) == 3
                and not node.keywords):
            continue
        m, a, b = node.args
        if tensor_like(a) or tensor_like(b) or not isinstance(m, (ast.Name, ast.Attribute)):
            continue
        ms = ast.unparse(m)
        node.args = [m] + [expr(f"torch.full({ms}.shape, {ast.unparse(v)})") for v in (a, b)]
        n += 1
    if not n:
        raise NotApplicable("no torch.where between numbers")
    return tree, spec


def t_binary_where(tree, spec, rng):
    """Binary targets `t * a + b` -> `torch.where(t > 0.5, torch.full_like(t, a + b), torch.full_like(t, b))`."""
    if spec["target"] != "binary":
        raise NotApplicable("not 0/1 labels")
    cls, fn = loss_fn(tree, spec)
    _, t = io_names(fn, cls is not None)
    n = 0
    for node in list(ast.walk(fn)):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.BinOp)
                and isinstance(node.left.op, ast.Mult)):
            continue
        l, r = node.left.left, node.left.right
        a = r if isinstance(l, ast.Name) and l.id == t else l if isinstance(r, ast.Name) and r.id == t else None
        if a is None:
            continue
        hi, lo = f"{ast.unparse(a)} + {ast.unparse(node.right)}", ast.unparse(node.right)
        replace_node(fn, node, expr(f"torch.where({t} > 0.5, torch.full_like({t}, {hi}), torch.full_like({t}, {lo}))"))
        n += 1
    if not n:
        raise NotApplicable("no affine binary target")
    ensure_import(tree, "torch", "torch")
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# registry
# ----------------------------------------------------------------------------------------------------------------

def transforms():
    """(family, step, function) for every transform here; rewrite.py orders the families."""
    r = []
    for f in ("torch-as-th", "functional-as-fn", "from-torch-nn"):
        r.append(("imports", f"import-{f}", lambda tr, sp, rng, f=f: t_import_alias(tr, sp, rng, f)))
    r.append(("imports", "import-from-functional", t_import_from_functional))
    for f in ("mul-minus-one", "neg", "mul-neg"):
        r.append(("arith", f"arith-negate-{f}", lambda tr, sp, rng, f=f: t_negation(tr, sp, rng, f)))
    for f in ("method", "function"):
        r.append(("arith", f"arith-product-{f}", lambda tr, sp, rng, f=f: t_product(tr, sp, rng, f)))
    r.append(("arith", "arith-einsum", t_einsum))
    r.append(("arith", "arith-mean-as-sum", t_mean_as_sum))
    r.append(("eps", "eps-one-literal", t_eps_one))
    for f in ("float", "reciprocal"):
        r.append(("eps", f"eps-divide-{f}", lambda tr, sp, rng, f=f: t_eps_division(tr, sp, rng, f)))
    r.append(("eps", "eps-hoist", t_eps_hoist))
    r.append(("eps", "eps-confidence-in-forward", t_confidence_in_forward))
    r.append(("control", "control-early-return", t_guard_early_return))
    r.append(("control", "control-ternary", t_guard_ternary))
    r.append(("control", "control-no-grad-target", t_no_grad_target))
    for f in ("detach", "clone", "to-dtype", "type-as"):
        r.append(("control", f"control-target-{f}", lambda tr, sp, rng, f=f: t_target_cast(tr, sp, rng, f)))
    r.append(("control", "control-label-cast", t_label_cast))
    for f in ("inline", "walrus"):
        r.append(("control", f"control-temp-{f}", lambda tr, sp, rng, f=f: t_temp(tr, sp, rng, f)))
    for f in ("lambda", "module"):
        r.append(("structure", f"struct-logsoftmax-{f}", lambda tr, sp, rng, f=f: t_logsoftmax_holder(tr, sp, rng, f)))
    r.append(("structure", "struct-subclass-super", t_subclass))
    for f in ("dataclass", "dict", "namespace"):
        r.append(("structure", f"struct-config-{f}", lambda tr, sp, rng, f=f: t_config_object(tr, sp, rng, f)))
    r.append(("structure", "struct-call-keywords", t_call_keywords))
    r.append(("structure", "struct-classmethod-target", t_classmethod_target))
    r.append(("imports", "import-qualified", t_import_qualified))
    r.append(("imports", "import-from-nn-functional", t_import_from_nn))
    r.append(("arith", "arith-augmented", t_augmented))
    r.append(("arith", "arith-keepdim-squeeze", t_keepdim))
    for f in ("none-index", "view"):
        r.append(("arith", f"arith-unsqueeze-{f}", lambda tr, sp, rng, f=f: t_unsqueeze(tr, sp, rng, f)))
    r.append(("arith", "arith-gather-index", t_gather_index))
    r.append(("eps", "eps-buffer", t_buffer_eps))
    r.append(("eps", "eps-property", t_property))
    r.append(("control", "control-assert-range", t_assert_range))
    r.append(("structure", "struct-plain-class", t_plain_class))
    r.append(("structure", "struct-delegate-method", t_delegate))
    for f in ("softmax-log", "torch-function", "module-inline"):
        r.append(("arith", f"arith-logsoftmax-{f}", lambda tr, sp, rng, f=f: t_logsoftmax_more(tr, sp, rng, f)))
    r.append(("arith", "arith-inplace-affine", t_inplace_affine))
    r.append(("control", "control-return-tuple", t_return_tuple))
    for f in ("module-constant", "none-default", "or-default", "keyword-only", "kwargs"):
        r.append(("eps", f"eps-default-{f}", lambda tr, sp, rng, f=f: t_eps_default(tr, sp, rng, f)))
    r.append(("structure", "struct-partial", t_partial))
    r.append(("eps", "eps-bounds", t_eps_bounds))
    r.append(("kl_ce", "kl-log-target", t_kl_log_target))
    r.append(("arith", "arith-where-fills", t_where_fills))
    r.append(("arith", "arith-binary-where", t_binary_where))
    for f in ("new-full", "ones-mul", "zeros-fill"):
        r.append(("arith", f"arith-fill-{f}", lambda tr, sp, rng, f=f: t_fill(tr, sp, rng, f)))
    return r
