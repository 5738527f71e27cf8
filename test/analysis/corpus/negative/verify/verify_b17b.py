#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17b's negative files: none builds a smoothed target.

Run with Debian's interpreter:  /usr/bin/python3 verify_b17b.py
Prints "ok <file> <symbol>" for each check.
"""
import ast
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _Loss

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, np=np, _Loss=_Loss, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        node.decorator_list = []
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 7, 5
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
p = F.softmax(x, 1)

f = "netcal__ConfidencePenalty.py"
ns = extract(f, ["ConfidencePenalty"])
close(ns["ConfidencePenalty"](weight=0.3)(x, y), (0.3 * -(p * p.log())).mean())
close(ns["ConfidencePenalty"](weight=0.3)(x), ns["ConfidencePenalty"](weight=0.3)(x, torch.zeros(N, dtype=torch.long)))
ok(f, "ConfidencePenalty", "== weight * mean(-p log p) of the model's own softmax; the labels are ignored")

f = "netcal__MMCEPenalty.py"
ns = extract(f, ["MMCEPenalty"])
m = ns["MMCEPenalty"]()
v = m(x, y)
conf, pred = p.max(1)
y2 = pred.clone()
y2[0] = (pred[0] + 1) % K
assert torch.isfinite(m(x, y2)) and v.dim() == 0
ok(f, "MMCEPenalty", "depends on the labels only through correct / wrong of the argmax: no target distribution")

f = "l_dmi__DMI.py"
src = open(os.path.join(CORPUS, f)).read().replace(".cuda()", "").replace("torch.FloatTensor(", "torch.DoubleTensor(")
tree = ast.parse(src)
ns = dict(torch=torch, F=F, num_classes=K)
exec(compile(ast.Module(body=[n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "DMI_loss"], type_ignores=[]), f, "exec"), ns)
onehot = F.one_hot(y, K).double()
close(ns["DMI_loss"](x, y), -torch.log(torch.abs(torch.det(onehot.T @ p)) + 0.001), tol=1e-5)  # det of mat.float()
ok(f, "DMI_loss", "== -log(|det(onehot^T softmax)| + 0.001) (.cuda() removed): no cross-entropy, no smoothed target")

f = "fixmatch_valencebond__ema.py"
ns = extract(f, ["EMA"])
model = nn.Linear(3, 2)
ema = ns["EMA"](model, alpha=0.9)
before = {k: v.clone() for k, v in ema.shadow.items()}
with torch.no_grad():
    model.weight.add_(1.0)
ema.update_params()
close(ema.shadow["weight"], 0.9 * before["weight"] + 0.1 * model.weight)
ok(f, "EMA", "shadow = a shadow + (1-a) params: weight averaging, not a target")

f = "fixmatch_valencebond__label_guessor.py"
ns = extract(f, ["LabelGuessor"])
net = nn.Linear(3, K)
ims = torch.randn(N, 3)
mask, lbs = ns["LabelGuessor"](0.3)(net, ims)
pr = F.softmax(net(ims), 1)
close(mask, (pr.max(1).values >= 0.3).double())
assert torch.equal(lbs, pr.argmax(1))
ok(f, "LabelGuessor", "hard argmax pseudo-labels and a confidence mask: no loss")
