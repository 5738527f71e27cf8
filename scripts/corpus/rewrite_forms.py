"""Rewrites of the loss's form and of what wraps it, for scripts/corpus/rewrite.py: the smoothed-target cross-entropy
in mixing form, soft-target and hard-label losses as torch calls, a function wrapped in a module and a module's body
moved into a function, registries and annotations, a `reduction` switch, and inputs prepared before the body.

Each transform has the signature of rewrite.py's: (tree, spec, rng) -> (tree, spec), raising NotApplicable when the
base has nothing it could change. rewrite.py registers them through `transforms()`.
"""
import ast
import copy

from rewrite import (NotApplicable, all_identifiers, body_start, dotted, ensure_import, eps_ref, expr, find_symbol,
                     fresh, insert_before_containing, io_names, k_exprs, loss_fn, match_logsoftmax, method,
                     replace_node, shape_unpacks, stmt_lists, stmt_mutates, stmts, t_extract_target)
from rewrite_idioms import match_gather, sum_over_classes


# ----------------------------------------------------------------------------------------------------------------
# the loss's form
# ----------------------------------------------------------------------------------------------------------------

def class_sum(fn, spec):
    """(node, sign) of the one `(q * logp).sum(-1)` of the loss, q and logp the spec's target and log-probabilities."""
    q, lp = spec.get("q_var"), spec.get("logp_var")
    if not q or not lp:
        raise NotApplicable("no smoothed target / log-probabilities named")
    found = []
    for node in ast.walk(fn):
        m = sum_over_classes(node)
        if m and {dotted(m[0]), dotted(m[1])} == {q, lp}:
            found.append((node, m[3]))
    if len(found) != 1:
        raise NotApplicable("not one class sum of the target and the log-probabilities")
    return found[0]


def drop_target(fn, q):
    """Removes every statement that builds q (assignments and in-place updates) and the blocks they leave empty."""
    for lst in list(stmt_lists(fn)):
        lst[:] = [s for s in lst if not (isinstance(s, (ast.Assign, ast.AugAssign, ast.Expr)) and stmt_mutates(s, q))]
    for lst in list(stmt_lists(fn)):
        lst[:] = [s for s in lst if not (isinstance(s, (ast.With, ast.Try, ast.If)) and not s.body)]
    if any(isinstance(n, ast.Name) and n.id == q for n in ast.walk(fn)):
        raise NotApplicable("the target is read elsewhere")


def t_mix_form(tree, spec, rng, form):
    """`-(q * logp).sum(-1)` over a smoothed one-hot q -> the mixing form over the hard-label NLL and the class sum:
    uniform `(1 - e) * nll + e / K * -logp.sum(-1)` (`mean`: `e * -logp.mean(-1)`), K-1
    `(1 - e) * nll + e / (K - 1) * (-logp.sum(-1) - nll)`; nll a gather, or `F.nll_loss(…, reduction='none')`
    (`nll-call`). The statements building q go."""
    if spec["target"] != "index" or spec["ref"] not in ("uniform", "k_minus_1") or spec.get("form", "ce") != "ce":
        raise NotApplicable("not a hard-label uniform / K-1 cross-entropy")
    if form == "mean" and spec["ref"] != "uniform":
        raise NotApplicable("the class mean is the uniform form")
    cls, fn = loss_fn(tree, spec)
    _, t = io_names(fn, cls is not None)
    e = eps_ref(spec, cls)
    node, sign = class_sum(fn, spec)
    lp = spec["logp_var"]
    names = all_identifiers(tree)
    nll, smooth = fresh(names, ["nll_loss", "nll"]), fresh(names, ["smooth_loss", "smooth"])
    k = f"{lp}.size(-1)"
    picked = (f"F.nll_loss({lp}, {t}, reduction='none')" if form == "nll-call"
              else f"-{lp}.gather(-1, {t}.unsqueeze(-1)).squeeze(-1)")
    prep = stmts(f"{nll} = {picked}\n"
                 + (f"{smooth} = -{lp}.mean(dim=-1)" if form == "mean" else f"{smooth} = -{lp}.sum(dim=-1)"))
    if form == "mean":
        rows = f"(1.0 - {e}) * {nll} + {e} * {smooth}"
    elif spec["ref"] == "uniform":
        rows = f"(1.0 - {e}) * {nll} + {e} / {k} * {smooth}"
    else:
        rows = f"(1.0 - {e}) * {nll} + {e} / ({k} - 1) * ({smooth} - {nll})"
    insert_before_containing(fn, node, prep)
    # the class sum is -rows (or rows when it was written negated)
    replace_node(tree, node, expr(f"({rows})" if sign < 0 else f"-({rows})"))
    drop_target(fn, spec["q_var"])
    if form == "nll-call":
        ensure_import(tree, "torch.nn.functional", "F")
    return tree, spec


def logits_of(fn, lp):
    """The name the log-probabilities `lp` are the log-softmax of, when that name still holds them at the loss
    (else `lp` itself: the log-softmax of log-probabilities is the same tensor)."""
    for s in ast.walk(fn):
        if (isinstance(s, ast.Assign) and len(s.targets) == 1 and dotted(s.targets[0]) == lp
                and match_logsoftmax(s.value) and isinstance(match_logsoftmax(s.value)[0], ast.Name)):
            x = match_logsoftmax(s.value)[0].id
            rebound = sum(1 for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == x and isinstance(n.ctx, ast.Store))
            return x if x != lp and not rebound else lp
    return lp


def parent_of(tree, node):
    for p in ast.walk(tree):
        for c in ast.iter_child_nodes(p):
            if c is node:
                return p
    return None


def t_ce_call(tree, spec, rng):
    """`-(q * logp).sum(-1)` -> `F.cross_entropy(x, q, reduction='none')` (probability targets, torch >= 1.10), x
    the logits logp was taken of; `.mean()` of it -> `F.cross_entropy(x, q)`."""
    if spec.get("form", "ce") != "ce" or spec["input"] == "probs" or spec["target"] == "binary":
        raise NotApplicable("not a cross-entropy over classes")
    cls, fn = loss_fn(tree, spec)
    if spec.get("q_var") in (a.arg for a in fn.args.args):
        # `F.cross_entropy(x, target)` of a probability-target parameter is, as text, the hard-label call: nothing
        # left in the code says the targets are soft, so no analysis could keep the convention
        raise NotApplicable("the soft target is the loss's input")
    node, sign = class_sum(fn, spec)
    x = logits_of(fn, spec["logp_var"])
    call = expr(f"F.cross_entropy({x}, {spec['q_var']}, reduction='none')")
    target = node
    if sign > 0:
        p = parent_of(tree, node)
        if isinstance(p, ast.UnaryOp) and isinstance(p.op, ast.USub):
            target = p
        else:
            call = ast.UnaryOp(op=ast.USub(), operand=call)
    p = parent_of(tree, target)
    if (isinstance(call, ast.Call) and isinstance(p, ast.Attribute) and p.attr == "mean"
            and isinstance(parent_of(tree, p), ast.Call) and not parent_of(tree, p).args):
        target, call = parent_of(tree, p), expr(f"F.cross_entropy({x}, {spec['q_var']})")
    replace_node(tree, target, call)
    ensure_import(tree, "torch.nn.functional", "F")
    return tree, spec


def t_nll_call(tree, spec, rng, form):
    """`-lp.gather(1, y.unsqueeze(1)).squeeze(1)` -> `F.nll_loss(lp, y, reduction='none')` | (`distribution`)
    `-Categorical(logits=lp).log_prob(y)` (2-D; the log-softmax of log-probabilities is the same tensor) |
    (`onehot-dot`) `-(F.one_hot(y, K).to(lp.dtype) * lp).sum(-1)`."""
    if form == "distribution" and "Categorical" in all_identifiers(tree):
        raise NotApplicable("Categorical taken")
    n = 0
    for node in list(ast.walk(tree)):
        if not (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)):
            continue
        m = match_gather(node.operand)
        if not m or not m[2]:
            continue
        lp, y, _ = m
        y = ast.unparse(y)
        replace_node(tree, node, expr({
            "call": f"F.nll_loss({lp.id}, {y}, reduction='none')",
            "distribution": f"-Categorical(logits={lp.id}).log_prob({y})",
            "onehot-dot": f"-(F.one_hot({y}, {lp.id}.size(-1)).to({lp.id}.dtype) * {lp.id}).sum(-1)"}[form]))
        n += 1
    if not n:
        raise NotApplicable("no negated gather of the labels")
    if form != "distribution":
        ensure_import(tree, "torch.nn.functional", "F")
    else:
        tree.body.insert(0, ast.ImportFrom(module="torch.distributions", names=[ast.alias(name="Categorical")], level=0))
    return tree, spec


# ----------------------------------------------------------------------------------------------------------------
# what wraps the loss
# ----------------------------------------------------------------------------------------------------------------

def camel(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("_") if p) or "Loss"


def t_wrap_module(tree, spec, rng):
    """A loss function wrapped in an `nn.Module` whose forward calls it; the module is the symbol, ε (and the
    function's other keyword arguments) its constructor's, with the function's defaults."""
    cls, fn = loss_fn(tree, spec)
    if cls is not None:
        raise NotApplicable("already a module")
    params = fn.args.args[2:]
    if fn.args.vararg or fn.args.kwarg or fn.args.kwonlyargs:
        raise NotApplicable("keyword-only or variadic parameters")
    defaults = [None] * (len(fn.args.args) - len(fn.args.defaults)) + list(fn.args.defaults)
    defaults = defaults[2:]
    name = fresh(all_identifiers(tree), [camel(fn.name) + "Loss", camel(fn.name) + "Module"])
    sig = ", ".join(p.arg if d is None else f"{p.arg}={ast.unparse(d)}"
                    for p, d in sorted(zip(params, defaults), key=lambda pd: pd[1] is not None))
    body = "".join(f"        self.{p.arg} = {p.arg}\n" for p in params)
    passed = "".join(f", {p.arg}=self.{p.arg}" for p in params)
    src = (f"class {name}(nn.Module):\n"
           f"    def __init__(self{', ' + sig if sig else ''}):\n"
           f"        super().__init__()\n{body}"
           f"\n    def forward(self, input, target):\n"
           f"        return {fn.name}(input, target{passed})\n")
    tree.body.append(ast.parse(src).body[0])
    ensure_import(tree, "torch.nn", "nn")
    spec = copy.deepcopy(spec)
    spec["symbol"] = name
    spec["init"] = spec.pop("call", {})
    if spec.get("eps_param"):
        spec["eps_attr"] = spec["eps_param"]
    spec.pop("q_var", None)
    spec.pop("logp_var", None)
    return tree, spec


class SelfReads(ast.NodeTransformer):
    """`self.<a>` loads -> the name `<a>` (collected); a store or a method of the class makes it NotApplicable."""

    def __init__(self, methods):
        self.attrs = []
        self.methods = methods

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            if not isinstance(node.ctx, ast.Load) or node.attr in self.methods:
                raise NotApplicable("forward writes an attribute or calls a method")
            if node.attr not in self.attrs:
                self.attrs.append(node.attr)
            return ast.Name(node.attr, ast.Load())
        self.generic_visit(node)
        return node

    def visit_Name(self, node):
        if node.id == "self":
            raise NotApplicable("self used bare")
        return node


def t_module_to_function(tree, spec, rng):
    """A module's forward moved into a module-level function taking what it read from `self` as keyword
    arguments; forward becomes a one-line call of it."""
    cls, fn = loss_fn(tree, spec)
    if cls is None:
        raise NotApplicable("not a module")
    methods = {m.name for m in cls.body if isinstance(m, ast.FunctionDef)} - {"forward"}
    methods |= {m.name for m in cls.body if isinstance(m, ast.FunctionDef) and m.decorator_list}
    body = copy.deepcopy(fn.body[body_start(fn):])
    reads = SelfReads(methods)
    body = [reads.visit(s) for s in body]
    taken = {a.arg for a in fn.args.args} | {n.id for s in body for n in ast.walk(s) if isinstance(n, ast.Name)
                                             and isinstance(n.ctx, ast.Store)}
    if any(a in taken for a in reads.attrs):
        raise NotApplicable("an attribute shares a local's name")
    names = all_identifiers(tree)
    fname = fresh(names, ["smoothed_loss", "compute_loss", "loss_fn"])
    args = [a.arg for a in fn.args.args[1:]]
    if fn.args.vararg or fn.args.kwarg or fn.args.kwonlyargs or fn.args.defaults:
        raise NotApplicable("forward has defaults or variadic parameters")
    func = ast.parse(f"def {fname}({', '.join(args + reads.attrs)}):\n    pass\n").body[0]
    func.body = body
    tree.body.insert(tree.body.index(cls), func)
    call = f"{fname}({', '.join(args)}{''.join(f', {a}=self.{a}' for a in reads.attrs)})"
    fn.body[body_start(fn):] = [ast.Return(value=expr(call))]
    spec = copy.deepcopy(spec)
    spec.pop("q_var", None)
    spec.pop("logp_var", None)
    return tree, spec


REGISTRY = '''
class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(self, name):
        self.name = name
        self._modules = {}

    def register_module(self, name=None):
        def register(obj):
            self._modules[name or obj.__name__] = obj
            return obj
        return register

    def get(self, name):
        return self._modules[name]
'''


def t_registry(tree, spec, rng):
    """The symbol registered with `@LOSSES.register_module()` in a small registry class defined in the file."""
    node = find_symbol(tree, spec["symbol"])
    names = all_identifiers(tree)
    if "Registry" in names or "LOSSES" in names:
        raise NotApplicable("names taken")
    first = next(i for i, s in enumerate(tree.body) if not isinstance(s, (ast.Import, ast.ImportFrom)))
    tree.body[first:first] = ast.parse(REGISTRY).body + stmts("LOSSES = Registry('loss')")
    node.decorator_list.insert(0, expr("LOSSES.register_module()"))
    return tree, spec


def t_annotations(tree, spec, rng):
    """Type annotations (`logits: Tensor, target: Tensor -> Tensor`, numbers `float` / `int`) and docstrings."""
    cls, fn = loss_fn(tree, spec)
    first = 1 if cls is not None else 0
    for a in fn.args.args[first:first + 2]:
        a.annotation = expr("Tensor")
    fn.returns = expr("Tensor")
    holder = method(cls, "__init__") if cls is not None else fn
    if holder is not None:
        defaults = dict(zip([a.arg for a in holder.args.args][::-1], holder.args.defaults[::-1]))
        for a in holder.args.args:
            d = defaults.get(a.arg)
            if a.annotation is None and d is not None and isinstance(d, ast.Constant) and type(d.value) in (int, float):
                a.annotation = expr(type(d.value).__name__)
    if body_start(fn) == 0:
        fn.body.insert(0, ast.Expr(ast.Constant("Computes the loss of the logits against the target.")))
    ensure_import_from(tree, "torch", "Tensor")
    return tree, spec


def t_dunder_call(tree, spec, rng):
    """An `nn.Module` loss whose `forward` is written as `__call__` (it stays a module)."""
    cls, fn = loss_fn(tree, spec)
    if cls is None or method(cls, "__call__") is not None:
        raise NotApplicable("not a module, or a __call__ already")
    fn.name = "__call__"
    return tree, spec


def ensure_import_from(tree, module, name):
    if name in all_identifiers(tree) and any(isinstance(s, ast.ImportFrom) and any(a.name == name for a in s.names)
                                             for s in tree.body):
        return
    last = max((i + 1 for i, s in enumerate(tree.body) if isinstance(s, (ast.Import, ast.ImportFrom))), default=0)
    tree.body.insert(last, ast.ImportFrom(module=module, names=[ast.alias(name=name)], level=0))


def final_reduction(fn):
    """(return statement, rows expression, 'mean' | 'sum') for a loss ending `return E.mean()` / `torch.sum(E)`."""
    ret = fn.body[-1]
    if not isinstance(ret, ast.Return) or not isinstance(ret.value, ast.Call):
        raise NotApplicable("the loss does not end in a reduced return")
    c = ret.value
    if isinstance(c.func, ast.Attribute) and c.func.attr in ("mean", "sum") and not c.args and not c.keywords:
        if dotted(c.func.value) == "torch":
            raise NotApplicable("torch.mean without arguments")
        return ret, c.func.value, c.func.attr
    if dotted(c.func) in ("torch.mean", "torch.sum") and len(c.args) == 1 and not c.keywords:
        return ret, c.args[0], c.func.attr
    raise NotApplicable("the loss does not end in a reduced return")


def bound_names(tree):
    """Names, parameters and attributes (not call keywords) of the file."""
    return ({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
            | {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)})


def t_reduction_switch(tree, spec, rng):
    """A `reduction` parameter (the base's reduction as default) and `if reduction == 'mean': … elif 'sum': … else:`
    on the per-row loss."""
    cls, fn = loss_fn(tree, spec)
    ret, rows, red = final_reduction(fn)
    holder = method(cls, "__init__") if cls is not None else fn
    if holder is None or "reduction" in bound_names(tree):
        raise NotApplicable("no constructor, or a reduction already")
    holder.args.args.append(ast.arg("reduction"))
    holder.args.defaults.append(ast.Constant(red))
    ref = "reduction"
    if cls is not None:
        holder.body.append(stmts("self.reduction = reduction")[0])
        ref = "self.reduction"
    v = fresh(all_identifiers(tree), ["per_sample", "rows", "losses"])
    fn.body[-1:] = stmts(f"{v} = {ast.unparse(rows)}\n"
                         f"if {ref} == 'mean':\n    return {v}.mean()\n"
                         f"elif {ref} == 'sum':\n    return {v}.sum()\n"
                         f"elif {ref} == 'none':\n    return {v}\n"
                         f"else:\n    raise ValueError(f'unknown reduction {{{ref}}}')")
    return tree, spec


def t_prepare(tree, spec, rng, form):
    """The inputs prepared first: `x = x.contiguous()`, `target = target.view(-1)` (index labels), or the logits
    flattened to rows `x = x.view(-1, x.size(-1))`."""
    cls, fn = loss_fn(tree, spec)
    x, t = io_names(fn, cls is not None)
    if form == "labels-view":
        if spec["target"] not in ("index", "index_pad"):
            raise NotApplicable("not index labels")
        s = f"{t} = {t}.view(-1)"
    elif form == "contiguous":
        s = f"{x} = {x}.contiguous()"
    else:
        s = f"{x} = {x}.view(-1, {x}.size(-1))"
    fn.body[body_start(fn):body_start(fn)] = stmts(s)
    return tree, spec


def t_classes_list(tree, spec, rng):
    """The class count as `len(self.classes)`, a required constructor argument listing the class names (a required
    keyword-only `classes` for functions), in place of a shape read."""
    cls, fn = loss_fn(tree, spec)
    found = [f for f in k_exprs(fn, spec, cls) if f[0] != "attr"]
    unpacks = shape_unpacks(fn)
    if not found and not unpacks:
        raise NotApplicable("no class count read from a shape")
    name = fresh(all_identifiers(tree), ["classes", "class_names", "labels_list"])
    if cls is not None:
        init = method(cls, "__init__")
        if init is None:
            init = stmts("def __init__(self):\n    super().__init__()")[0]
            cls.body.insert(body_start(cls), init)
        init.args.args.insert(1, ast.arg(arg=name))
        init.body.append(stmts(f"self.{name} = list({name})")[0])
        spec = copy.deepcopy(spec)
        spec.setdefault("init", {})[name] = "$CLASSES"
        count = f"len(self.{name})"
    else:
        fn.args.kwonlyargs.append(ast.arg(arg=name))
        fn.args.kw_defaults.append(None)
        spec = copy.deepcopy(spec)
        spec.setdefault("call", {})[name] = "$CLASSES"
        count = f"len({name})"
    for _, node, _ in found:
        replace_node(fn, node, expr(count))
    for lst, i, n, k, X in unpacks:
        lst[i:i + 1] = stmts(f"{n} = {ast.unparse(X)}.size(0)\n{k} = {count}")
    return tree, spec


SIBLING = "smoothing"


def split_sibling(tree, symbol):
    """(main, sibling) modules: every top-level function but the symbol moved to the sibling `smoothing.py` (with the
    file's imports), imported back with `from .smoothing import …`."""
    helpers = [s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name != symbol]
    if not helpers:
        raise NotApplicable("no helper function to move")
    kept = [s for s in tree.body if s not in helpers]
    imports = [s for s in kept if isinstance(s, (ast.Import, ast.ImportFrom))]
    defined = {n.id for s in kept if isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign)) for n in ast.walk(s)
               if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    defined |= {s.name for s in kept if isinstance(s, (ast.ClassDef, ast.FunctionDef))}
    if any(isinstance(n, ast.Name) and n.id in defined for h in helpers for n in ast.walk(h)):
        raise NotApplicable("a helper reads a name the main module defines")
    back = ast.ImportFrom(module=SIBLING, names=[ast.alias(name=h.name) for h in helpers], level=1)
    last = max((i + 1 for i, s in enumerate(kept) if isinstance(s, (ast.Import, ast.ImportFrom))), default=0)
    main = ast.Module(body=kept[:last] + [back] + kept[last:], type_ignores=[])
    sibling = ast.Module(body=copy.deepcopy(imports) + helpers, type_ignores=[])
    return ast.fix_missing_locations(main), ast.fix_missing_locations(sibling)


def t_helper_sibling(tree, spec, rng):
    """The target built in a helper (`helper-target-module`, or the base's own helpers) in a sibling module,
    imported relatively (`from .smoothing import smooth_targets`); the variant is a folder of two files."""
    try:
        tree, spec = t_extract_target(tree, spec, rng, "module")
    except NotApplicable:
        pass
    split_sibling(ast.parse(ast.unparse(ast.fix_missing_locations(copy.deepcopy(tree)))), spec["symbol"])
    spec = copy.deepcopy(spec)
    spec["sibling"] = SIBLING
    return tree, spec


def transforms():
    """(family, step, function) for every transform here; rewrite.py orders the families."""
    r = []
    for f in ("sum", "mean", "nll-call"):
        r.append(("forms", f"form-mix-{f}", lambda tr, sp, rng, f=f: t_mix_form(tr, sp, rng, f)))
    r.append(("forms", "form-ce-call", t_ce_call))
    r.append(("forms", "form-nll-call", lambda tr, sp, rng: t_nll_call(tr, sp, rng, "call")))
    r.append(("forms", "form-nll-distribution", lambda tr, sp, rng: t_nll_call(tr, sp, rng, "distribution")))
    r.append(("forms", "form-nll-onehot-dot", lambda tr, sp, rng: t_nll_call(tr, sp, rng, "onehot-dot")))
    r.append(("wrap", "wrap-function-in-module", t_wrap_module))
    r.append(("wrap", "wrap-module-to-function", t_module_to_function))
    r.append(("wrap", "wrap-registry", t_registry))
    r.append(("wrap", "wrap-annotations", t_annotations))
    r.append(("wrap", "wrap-reduction-switch", t_reduction_switch))
    r.append(("wrap", "wrap-helper-sibling", t_helper_sibling))
    r.append(("wrap", "wrap-dunder-call", t_dunder_call))
    for f in ("contiguous", "labels-view", "rows-view"):
        r.append(("prep", f"prep-{f}", lambda tr, sp, rng, f=f: t_prepare(tr, sp, rng, f)))
    r.append(("prep", "prep-classes-list", t_classes_list))
    return r
