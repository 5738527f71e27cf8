#!/usr/bin/env python3
"""Numerical checks (float64) of the third blind round's positive files (KWS / text / long-tailed / BCE).

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15c.py
Classes are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F / np.
Each check compares the loss with cross-entropy (or BCE) against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, np=np)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def soft_ce(logits, q):
    return -(q * F.log_softmax(logits, -1)).sum(-1)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)

# k_minus_1: fill eps/(cls-1), 1-eps at the target, mean over rows.
for fname in ("todo_tracking__label_smoothing.py", "keyword_mlp__loss.py"):
    ns = extract(fname, ["LabelSmoothingLoss"])
    kw = dict(classes=K) if "todo" in fname else dict(num_classes=K)
    close(ns["LabelSmoothingLoss"](smoothing=EPS, **kw)(x, y), soft_ce(x, k_minus_1).mean())
    print("ok", fname, "LabelSmoothingLoss k_minus_1")

# MiSLAS label-aware smoothing: each row (1-e_y)*onehot + e_y/K with e_y from the class counts (uniform per row).
ns = extract("mislas__methods.py", ["LabelAwareSmoothing"])
counts = [500, 300, 120, 60, 20, 5]
crit = ns["LabelAwareSmoothing"](counts, smooth_head=0.4, smooth_tail=0.1)
crit.smooth = crit.smooth.double().cpu()
e = crit.smooth[y].unsqueeze(1)
close(crit(x, y), soft_ce(x, onehot * (1 - e) + e / K).mean())
assert crit.smooth.max() > crit.smooth.min()
ek = torch.full((N, 1), float(crit.smooth[0]))
y0 = torch.zeros(N, dtype=torch.long)
close(crit(x, y0), soft_ce(x, F.one_hot(y0, K) * (1 - ek) + ek / K).mean())
print("ok mislas__methods.py LabelAwareSmoothing uniform (eps per class)")

# BCE with targets (1-eps)*t + eps: positives stay 1, negatives become eps (not the symmetric eps/2).
ns = extract("kb_pilot__bce_label_smooth.py", ["BinaryCrossEntropyLabelSmooth"])
z = torch.randn(N, K)
t = torch.randint(0, 2, (N, K)).double()
got = ns["BinaryCrossEntropyLabelSmooth"](num_classes=K, epsilon=EPS)(z, t)
close(got, F.binary_cross_entropy_with_logits(z, torch.where(t > 0, torch.ones_like(t), torch.full_like(t, EPS))))
assert not torch.allclose(got, F.binary_cross_entropy_with_logits(z, t * (1 - EPS) + EPS / 2))
print("ok kb_pilot__bce_label_smooth.py BinaryCrossEntropyLabelSmooth other (1 / eps targets)")
