#!/usr/bin/python3
"""Numerical checks for the b21c labels, written before the analysis was run on these files.

Run with Debian's torch:  /usr/bin/python3 verify_b21c.py
Each check execs one top-level class/function (or one method, with a stub `self`) taken by name (ast) out of a
corpus file, feeds random float64 inputs and compares the code's loss with the reference of its labelled convention:
  none        -> plain CE / NLL / BCE / focal on the given labels
  uniform     -> F.cross_entropy(label_smoothing=eps): (1 - eps) * onehot + eps / K
  k_minus_1   -> -sum(t * log_softmax), t = (1 - eps) * onehot + eps / (K - 1) off the label
  other       -> the target the code builds, shown to differ from every named convention
  soft_target -> -sum(q * log_softmax) for a caller-given distribution q / KL(teacher || student)
Prints PASS/FAIL per check and writes results.json next to this file.
"""
import ast
import contextlib
import io
import json
import os
import textwrap
import traceback
import types

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
DT = torch.float64
torch.manual_seed(0)
torch.set_default_dtype(DT)
RESULTS = {}


def tree_of(fname):
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    return text.splitlines(keepends=True), ast.parse(text)


def exec_node(lines, node, label, ns):
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    code = textwrap.dedent(''.join(lines[start - 1:node.end_lineno]))
    exec(compile(code, label, 'exec'), ns)


def load(fname, *names, **extra):
    """exec the named top-level defs/classes of a corpus file into a fresh namespace."""
    lines, tree = tree_of(fname)
    ns = dict(torch=torch, nn=nn, F=F, **extra)
    top = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        exec_node(lines, top[name], f'{fname}:{name}', ns)
    return ns


def load_method(fname, cls, method, **extra):
    lines, tree = tree_of(fname)
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    node = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == method)
    ns = dict(torch=torch, nn=nn, F=F, **extra)
    exec_node(lines, node, f'{fname}:{cls}.{method}', ns)
    return ns[method]


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa: BLE001 - a crash is a failed check, reported as such
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + '  -- ' + str(detail))


def diff(a, b):
    return (torch.as_tensor(a, dtype=DT) - torch.as_tensor(b, dtype=DT)).abs().max().item()


def close(*pairs, tol=1e-9):
    ds = [diff(a, b) for a, b in pairs]
    return all(d <= tol for d in ds), 'max|diff|=' + ', '.join(f'{d:.3g}' for d in ds)


def batch(n=6, k=7):
    return torch.randn(n, k) * 2, torch.randint(0, k, (n,))


def onehot(t, k):
    return F.one_hot(t, k).to(DT)


def soft_ce(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


def k_minus_1_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))


def uniform_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / k


# ------------------------------------------------------------------------------------------------ positives
def dgcnn_cal_loss(fname):
    """cal_loss (DGCNN's util, eps = 0.2 fixed): K-1 smoothing when smoothing=True, plain CE otherwise."""
    def run():
        cal_loss = load(fname, 'cal_loss')['cal_loss']
        x, t = batch(8, 40)
        return close((cal_loss(x, t), soft_ce(x, k_minus_1_target(t, 40, 0.2)).mean()),
                     (cal_loss(x, t, smoothing=False), F.cross_entropy(x, t)))
    return run


def pointcept_cross_entropy():
    ns = load('pointcept__misc.py', 'CrossEntropyLoss', LOSSES=types.SimpleNamespace(register_module=lambda: (lambda c: c)))
    x, t = batch(8, 13)
    ls = ns['CrossEntropyLoss'](label_smoothing=0.1, loss_weight=2.0)
    plain = ns['CrossEntropyLoss']()
    return close((ls(x, t), 2.0 * soft_ce(x, uniform_target(t, 13, 0.1)).mean()), (plain(x, t), F.cross_entropy(x, t)))


def pointcept_smooth_ce():
    """Tensor.total does not exist in torch: the check reads `.total(dim=1)` as `.sum(dim=1)` (a stub)."""
    ns = load('pointcept__misc.py', 'SmoothCELoss', LOSSES=types.SimpleNamespace(register_module=lambda: (lambda c: c)))
    torch.Tensor.total = torch.Tensor.sum
    try:
        x, t = batch(8, 13)
        got = ns['SmoothCELoss'](smoothing_ratio=0.1)(x, t)
    finally:
        del torch.Tensor.total
    return close((got, soft_ce(x, k_minus_1_target(t, 13, 0.1)).mean()))


def pointcept_binary_focal():
    ns = load('pointcept__misc.py', 'BinaryFocalLoss', LOSSES=types.SimpleNamespace(register_module=lambda: (lambda c: c)))
    x, y = torch.randn(20) * 2, torch.randint(0, 2, (20,)).to(DT)
    p = torch.sigmoid(x)
    pt = p * y + (1 - p) * (1 - y)
    ref = (0.25 * y + 0.75 * (1 - y)) * (1 - pt) ** 2 * -torch.log(pt)
    return close((ns['BinaryFocalLoss'](alpha=0.25)(x, y), ref.mean()))


def pointcept_focal():
    ns = load('pointcept__misc.py', 'FocalLoss', LOSSES=types.SimpleNamespace(register_module=lambda: (lambda c: c)))
    x, t = batch(10, 5)
    y = onehot(t, 5)
    p = torch.sigmoid(x)
    pt = p * y + (1 - p) * (1 - y)
    ref = (0.5 * y + 0.5 * (1 - y)) * (1 - pt) ** 2 * -torch.log(pt)
    return close((ns['FocalLoss']()(x, t), ref.mean()))


def libfewshot_label_smooth():
    ns = load('libfewshot__loss.py', 'LabelSmoothCELoss')
    x, t = batch(8, 5)
    return close((ns['LabelSmoothCELoss'](0.1)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)))


def libfewshot_distill():
    ns = load('libfewshot__loss.py', 'DistillKLLoss')
    s, te = torch.randn(8, 5), torch.randn(8, 5)
    q = F.softmax(te / 4, 1)
    ref = (q * (torch.log(q) - F.log_softmax(s / 4, 1))).sum() * 16 / 8
    return close((ns['DistillKLLoss'](4)(s, te), ref))


def libfewshot_l2():
    ns = load('libfewshot__loss.py', 'L2DistLoss')
    a, b = torch.randn(8, 5), torch.randn(8, 5)
    return close((ns['L2DistLoss']()(a, b), (a - b).norm(dim=1).mean()))


def birdcall_panns():
    """BCE against a target of eps/K off the top label and 1 - eps on it (rows sum to 1 - eps/K). The code casts
    the target to float32 (`target.float()`), so this check runs in float32."""
    ns = load('birdcall__loss.py', 'PANNsLoss')
    k, eps = 11, 0.05
    x, t = batch(6, k)
    p = torch.sigmoid(x).float()
    code = ns['PANNsLoss'](label_smoothing=True, epsilon=eps)
    with contextlib.redirect_stdout(io.StringIO()):
        got = code({'clipwise_output': p}, onehot(t, k))
        plain = ns['PANNsLoss']()({'clipwise_output': p}, onehot(t, k))
    y = onehot(t, k)
    target = y * (1 - eps) + (1 - y) * eps / k
    named = {'binary (1-eps, eps)': y * (1 - eps) + (1 - y) * eps,
             'binary (1-eps/2, eps/2)': y * (1 - eps) + eps / 2,
             'uniform (1-eps+eps/K, eps/K)': uniform_target(t, k, eps),
             'K-1 (1-eps, eps/(K-1))': k_minus_1_target(t, k, eps)}
    gaps = {n: diff(got, F.binary_cross_entropy(p, q.float())) for n, q in named.items()}
    ok, detail = close((got, F.binary_cross_entropy(p, target.float())), (plain, F.binary_cross_entropy(p, y.float())),
                       tol=1e-6)
    far = all(g > 1e-4 for g in gaps.values())
    return ok and far, detail + '; differs from ' + ', '.join(f'{n} by {g:.3g}' for n, g in gaps.items())


# ------------------------------------------------------------------------------------------------ negatives
def speechcommands_soft_ce():
    """`Variable` is not imported in the file: the check gives it torch.Tensor."""
    ns = load('speechcommands__mixup.py', 'CrossEntropyLoss', Variable=torch.Tensor)
    x = torch.randn(8, 5)
    q = F.softmax(torch.randn(8, 5), 1)
    return close((ns['CrossEntropyLoss']()(x, q), soft_ce(x, q).mean()))


def pointr_chamfer(name, ref):
    def run():
        stub = types.SimpleNamespace(forward=lambda a, b: chamfer_forward(a, b))
        ns = load('pointr__chamfer_dist.py', 'ChamferFunction', name, chamfer=stub)
        a, b = torch.randn(2, 9, 3), torch.randn(2, 7, 3)
        d1, d2, _, _ = chamfer_forward(a, b)
        return close((ns[name]()(a, b), ref(d1, d2)))
    return run


def chamfer_forward(a, b):
    d = ((a[:, :, None, :] - b[:, None, :, :]) ** 2).sum(-1)
    m1, i1 = d.min(2)
    m2, i2 = d.min(1)
    return m1, m2, i1, i2


def lit_resnet_step():
    step = load_method('lightningtutorials__baseline.py', 'LitResnet', 'training_step')
    x, t = batch(8, 10)

    class Self:
        log = staticmethod(lambda *a, **k: None)

        def __call__(self, inp):
            return F.log_softmax(inp, dim=1)
    return close((step(Self(), (x, t), 0), F.cross_entropy(x, t)))


def main():
    for fname in ('pointmlp__helper.py', 'curvenet__util.py'):
        check(fname, 'cal_loss', dgcnn_cal_loss(fname))
    check('pointcept__misc.py', 'CrossEntropyLoss', pointcept_cross_entropy)
    check('pointcept__misc.py', 'SmoothCELoss', pointcept_smooth_ce)
    check('pointcept__misc.py', 'BinaryFocalLoss', pointcept_binary_focal)
    check('pointcept__misc.py', 'FocalLoss', pointcept_focal)
    check('libfewshot__loss.py', 'LabelSmoothCELoss', libfewshot_label_smooth)
    check('libfewshot__loss.py', 'DistillKLLoss', libfewshot_distill)
    check('libfewshot__loss.py', 'L2DistLoss', libfewshot_l2)
    check('birdcall__loss.py', 'PANNsLoss', birdcall_panns)
    check('speechcommands__mixup.py', 'CrossEntropyLoss', speechcommands_soft_ce)
    check('pointr__chamfer_dist.py', 'ChamferDistanceL2', pointr_chamfer('ChamferDistanceL2', lambda a, b: a.mean() + b.mean()))
    check('pointr__chamfer_dist.py', 'ChamferDistanceL1',
          pointr_chamfer('ChamferDistanceL1', lambda a, b: (a.sqrt().mean() + b.sqrt().mean()) / 2))
    check('lightningtutorials__baseline.py', 'LitResnet.training_step', lit_resnet_step)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
