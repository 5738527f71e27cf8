#!/usr/bin/python3
"""Numerical checks for the negative file added in the third round (Active-Passive-Losses' loss.py): its robust
losses train on hard labels; the clamp of the one-hot to [1e-4, 1] only bounds the log in the reverse cross-entropy
(RCE = −log(1e-4)·(1 − p_y)), it is not a smoothed target. Run: /usr/bin/python3 verify_round3.py
"""
import ast
import math
import os
import textwrap

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
FILE = os.path.join(os.path.dirname(HERE), 'active_passive_losses__loss.py')
torch.manual_seed(0)
N, K = 7, 5
X = torch.randn(N, K, dtype=torch.float64)
Y = torch.randint(0, K, (N,))


def load(*names):
    text = open(FILE, encoding='utf-8').read()
    lines = text.splitlines(keepends=True)
    ns = dict(torch=torch, F=F, device=torch.device('cpu'))
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name in names:
            start = node.lineno - 1  # the class line, below its decorators
            exec(textwrap.dedent(''.join(lines[start:node.end_lineno])), ns)
    return ns


def close(a, b):
    # the files' one-hots are float32 (`.float()`): log(1e-4) agrees to float32 precision
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


ns = load('SCELoss', 'ReverseCrossEntropy', 'NormalizedCrossEntropy', 'GeneralizedCrossEntropy')
p = F.softmax(X, 1).clamp(min=1e-7, max=1.0)
p_y = p.gather(1, Y.view(-1, 1)).squeeze(1)
rce = (-math.log(1e-4) * (p.sum(1) - p_y)).mean()
checks = {
    'SCELoss (α=1, β=0 is CE)': close(ns['SCELoss'](1.0, 0.0, K)(X, Y), F.cross_entropy(X, Y)),
    'SCELoss (CE + RCE)': close(ns['SCELoss'](1.0, 1.0, K)(X, Y), F.cross_entropy(X, Y) + rce),
    'ReverseCrossEntropy': close(ns['ReverseCrossEntropy'](K)(X, Y), rce),
    'NormalizedCrossEntropy': close(
        ns['NormalizedCrossEntropy'](K)(X, Y),
        (F.cross_entropy(X, Y, reduction='none') / -F.log_softmax(X, 1).sum(1)).mean(),
    ),
    'GeneralizedCrossEntropy': close(ns['GeneralizedCrossEntropy'](K, q=0.7)(X, Y), ((1 - p_y ** 0.7) / 0.7).mean()),
}
for name, ok in checks.items():
    print('ok' if ok else 'FAIL', name)
assert all(checks.values())
