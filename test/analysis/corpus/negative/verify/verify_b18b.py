#!/usr/bin/env python3
"""Checks (float64) that blind round b18b's tempting negatives smooth no label: each loss below is a function of the
hard label (or of two hard labels, for mixup) and the predictions only; no target mixes a label with a constant.

Run with Debian's interpreter:  /usr/bin/python3 verify_b18b.py   Prints "ok <file> <symbol>".
"""
import ast
import copy
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
    ns = dict(torch=torch, nn=nn, F=F, np=np, copy=copy, optim=torch.optim)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Assign)):
            exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    assert all(n in ns for n in names), (fname, names)
    return ns


def close(a, b, tol=1e-9):
    assert torch.allclose(torch.as_tensor(a).double(), torch.as_tensor(b).double(), atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 8, 5
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
lsm = F.log_softmax(x, 1)

f = "irrigation__mix_up.py"
ns = extract(f, ["mixup_data", "mixup_criterion"])
lam, perm = 0.3, torch.randperm(N)
got = ns["mixup_criterion"](nn.CrossEntropyLoss(), x, y, y[perm], lam)
close(got, -(lsm * (lam * onehot + (1 - lam) * onehot[perm])).sum(1).mean())
ok(f, "mixup_criterion", "== CE against a mix of two hard labels (inputs mixed the same way): no constant in the target")

f = "eps_softmax__losses.py"
ns = extract(f, ["ECELoss", "RCELoss", "MAELoss", "GCELoss"])
m = 3.0
p = torch.softmax(x, 1).clone()
p[torch.arange(N), p.argmax(1)] += m
close(ns["ECELoss"](m)(x, y), F.nll_loss((p / (m + 1)).log(), y))
ok(f, "ECELoss", "== NLL of the hard label under eps-softmax predictions (the prediction is moved, not the label)")
pc = torch.softmax(x, 1).clamp(min=1e-8)
close(ns["RCELoss"](K)(x, y), (-(pc * torch.log(onehot.clamp(min=1e-4))).sum(1)).mean(), tol=1e-6)
ok(f, "RCELoss", "== reverse CE: the prediction weights log(clamped one-hot); no smoothed target is learnt")
close(ns["MAELoss"](K)(x, y), 2 * (1 - (onehot * torch.softmax(x, 1)).sum(1)).mean(), tol=1e-6)
ok(f, "MAELoss", "== 2 (1 - p_y)")

f = "leakage_cbm__calibration.py"
ns = extract(f, ["TemperatureScaler", "smoothed_probs", "concept_interpolation"])
close(ns["smoothed_probs"](x, 2.0), torch.softmax(x / 2.0, -1))
ok(f, "smoothed_probs", "== softmax(x / T): a prediction, no label involved")

f = "murphy__softmax_ema.py"
ns = extract(f, ["log_softmax", "softmax_cross_entropy_with_logits", "EMA"])
q = torch.softmax(torch.randn(N, K), 1)
close(ns["softmax_cross_entropy_with_logits"](x, q), -(q * lsm).sum(1))
ok(f, "softmax_cross_entropy_with_logits", "== per-row CE against given distributions (no label is smoothed)")

f = "devloker__softmax_layer.py"
ns = extract(f, ["Softmax", "CrossEntropy"])
close(ns["Softmax"]()(x), torch.softmax(x, -1))
ce = ns["CrossEntropy"]()
close(ce.forward(x.numpy(), y.numpy()), F.cross_entropy(x, y))
close(torch.from_numpy(ce.backward(x.numpy(), y.numpy())), (torch.softmax(x, 1) - onehot) / N)
ok(f, "CrossEntropy", "== plain CE, its gradient (p - onehot)/N")

f = "calibration_rmfd__temperature_ece.py"
ns = extract(f, ["Temperature_scaling", "ECE"])
e = ns["ECE"](15)(x, y).item()
assert 0.0 <= e <= 1.0, e
ok(f, "ECE", "a calibration metric in [0, 1]: no loss, no target")
