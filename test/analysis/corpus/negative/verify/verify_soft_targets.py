#!/usr/bin/python3
"""Numerical checks for the distillation and mixup files added with the soft-target round (mdistiller KD/DKD,
ildoonet cutmix, torchdistill KDLoss, benchmarking_gnns LabelSmoothingLoss, mmrazor WSLD): each loss equals a
cross-entropy or KL against the teacher's (or the given) probability rows, with no smoothing.
Run: /usr/bin/python3 verify_soft_targets.py
"""
import ast
import os
import textwrap

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
N, K, T = 6, 5, 3.0
S = torch.randn(N, K, dtype=torch.float64)
TE = torch.randn(N, K, dtype=torch.float64)
Y = torch.randint(0, K, (N,))


def load(file, *names, **extra):
    text = open(os.path.join(os.path.dirname(HERE), file), encoding='utf-8').read()
    lines = text.splitlines(keepends=True)
    ns = dict(torch=torch, F=F, nn=nn, Module=nn.Module, register_mid_level_loss=lambda c: c, **extra)
    for node in ast.parse(text).body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name in names:
            exec(textwrap.dedent(''.join(lines[node.lineno - 1:node.end_lineno])), ns)
    return ns


def close(a, b):
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def kl(student, teacher, t=1.0):
    q = F.softmax(teacher / t, 1)
    return (torch.xlogy(q, q) - q * F.log_softmax(student / t, 1)).sum(1).mean()


kd = load('mdistiller__KD.py', 'kd_loss')
dkd = load('mdistiller__DKD.py', 'dkd_loss', '_get_gt_mask', '_get_other_mask', 'cat_mask')
cut = load('ildoonet_cutmix__utils.py', 'cross_entropy')
tdl = load('torchdistill__mid_level.py', 'KDLoss')
gnn = load('benchmarking_gnns__loss.py', 'LabelSmoothingLoss')
nn.Module.cuda = lambda self: self  # WSLD moves its modules and a zero to the GPU
torch.Tensor.cuda = lambda self: self
wsld_ns = load('mmrazor__weighted_soft_label_distillation.py', 'WSLD', LOSSES=type('R', (), {'register_module': staticmethod(lambda: (lambda c: c))}))
wsld = wsld_ns['WSLD'](tau=T, num_classes=K)
wsld.current_data = {'gt_label': Y}
ratio = F.cross_entropy(S, Y, reduction='none') / (F.cross_entropy(TE, Y, reduction='none') + 1e-7)
wsld_weight = 1 - torch.exp(-ratio.clamp(min=0))
soft_rows = F.cross_entropy(S / T, F.softmax(TE / T, 1), reduction='none')

mixed = 0.7 * F.one_hot(Y, K).double() + 0.3 * F.one_hot(Y.roll(1, 0), K).double()
gt = F.one_hot(Y, K).bool()


def binary(p):
    return torch.stack([p[gt], p.masked_fill(gt, 0).sum(1)], 1)


ps, pt = F.softmax(S / T, 1), F.softmax(TE / T, 1)
tckd = (binary(pt) * (binary(pt).log() - binary(ps).log())).sum() * T * T / N
nckd = kl(S - 1000 * T * gt, TE - 1000 * T * gt, T) * T * T
kd_module = tdl['KDLoss']('s', 'o', 't', 'o', T, alpha=0.4)
io = lambda x: {'s': {'o': x}, 't': {'o': x}}  # noqa: E731
checks = {
    # the labels only weigh each row (1 − exp(−CE_s/CE_t), detached); the target is the teacher's softmax
    'WSLD = τ²·mean(w · CE(student_T, softmax(teacher_T)))': close(wsld(S, TE), T * T * (wsld_weight * soft_rows).mean()),
    'kd_loss = T²·KL(teacher_T ‖ student_T)': close(kd['kd_loss'](S, TE, T), T * T * kl(S, TE, T)),
    'dkd_loss = α·TCKD + β·NCKD (teacher targets)': close(dkd['dkd_loss'](S, TE, Y, 1.0, 8.0, T), tckd + 8.0 * nckd),
    'cutmix cross_entropy = CE with probability targets': close(cut['cross_entropy'](S, mixed), F.cross_entropy(S, mixed)),
    'torchdistill KDLoss = α·CE + (1−α)·T²·KL': close(
        kd_module({'s': {'o': S}}, {'t': {'o': TE}}, Y), 0.4 * F.cross_entropy(S, Y) + 0.6 * T * T * kl(S, TE, T)
    ),
    'benchmarking_gnns LabelSmoothingLoss = Σ_rows CE(soft) / K': close(
        gnn['LabelSmoothingLoss']()(S, mixed), F.cross_entropy(S, mixed, reduction='sum') / K
    ),
}
for name, ok in checks.items():
    print(('ok  ' if ok else 'FAIL'), name)
assert all(checks.values())
