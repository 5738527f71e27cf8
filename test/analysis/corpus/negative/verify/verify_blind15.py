#!/usr/bin/env python3
"""Numerical checks (float64) of the blind-round negative files: SCE, focal and soft-target losses on hard labels.

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15.py
Classes are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F (`.cuda()` is the
identity on this CPU-only machine). Each check writes the loss as a function of p_y (hard labels) or as CE against the
given target. Prints "ok <file> <symbol>"; any failure raises.
"""
import ast
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
torch.Tensor.cuda = lambda self, *a, **k: self


def extract(fname, names):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, math=math, Tensor=torch.Tensor)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 7, 6
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
p = F.softmax(x, -1)
py = p.gather(1, y[:, None]).squeeze(1)
ce = F.cross_entropy(x, y, reduction="none")

# SCE: RCE = -log(1e-4) (1 - p_y) with p clamped at 1e-7 (inactive here).
rce = -math.log(1e-4) * (1 - py)
ns = extract("mrl__SCELoss.py", ["SCELoss"])
close(ns["SCELoss"](K, 1.0, 0.5)(x, y), ce + 0.5 * rce, tol=1e-5)  # the one-hot is .float()
ok("mrl__SCELoss.py", "SCELoss", "== CE + b * -log(1e-4) (1 - p_y)")

ns = extract("linevd__losses.py", ["SCELoss"])
close(ns["SCELoss"](1.0, 0.5, K)(x, y), ce.mean() + 0.5 * rce.mean(), tol=1e-5)
ok("linevd__losses.py", "SCELoss", "== CE + b * -log(1e-4) (1 - p_y)")

ns = extract("deepnoise__symmetric_loss.py", ["SCELoss"])
close(ns["SCELoss"](0.3, 1.0, -4)(x, y), 0.3 * ce.mean() + (4 * (1 - py)).mean(), tol=1e-5)
ok("deepnoise__symmetric_loss.py", "SCELoss", "== a CE + b * -A (1 - p_y)")

ns = extract("fine__cce.py", ["CCELoss", "GTLoss"])
close(ns["CCELoss"]()(x, y, None), ce.mean())
clean = torch.tensor([0, 2, 3])
close(ns["GTLoss"]()(x, y, clean), ce[clean].sum() / N)
ok("fine__cce.py", "CCELoss / GTLoss", "== hard-label CE (clean subset summed / N)")

GAMMA = 2.0
focal = -((1 - py) ** GAMMA) * torch.log(py)
ns = extract("mmocr__focal_loss.py", ["FocalLoss"])
close(ns["FocalLoss"](GAMMA)(x, y), focal.mean())
ok("mmocr__focal_loss.py", "FocalLoss", "== mean -(1 - p_y)^g log p_y")

ns = extract("quickdraw__focal_loss.py", ["RobustFocalLoss2d"])
x4 = x.view(N, K, 1, 1)
close(ns["RobustFocalLoss2d"](GAMMA)(x4, y), (-((1 - py) ** GAMMA).clamp(0, 2) * torch.log(py)).mean(), tol=1e-6)
ok("quickdraw__focal_loss.py", "RobustFocalLoss2d", "== mean -clamp((1 - p_y)^g, 0, 2) log p_y (float32 one-hot select)")

q = F.softmax(torch.randn(N, K), -1)
soft = -(q * F.log_softmax(x, -1)).sum(-1).mean()
ns = extract("mixco__mix_loss.py", ["SoftCrossEntropy"])
close(ns["SoftCrossEntropy"]()(x, q), soft)
ok("mixco__mix_loss.py", "SoftCrossEntropy", "== CE against the given distribution")
ns = extract("orchid__losses.py", ["Crossentropy_Loss"])
close(ns["Crossentropy_Loss"]()(x, q), soft)
ok("orchid__losses.py", "Crossentropy_Loss", "== CE against the given distribution")

z = torch.randn(N)
t = torch.randint(0, 2, (N,)).double()
bce = F.binary_cross_entropy_with_logits(z, t, reduction="none")
pt = torch.where(t == 1, torch.sigmoid(z), 1 - torch.sigmoid(z))
at = torch.where(t == 1, torch.tensor(0.75), torch.tensor(0.25))
ns = extract("cvlandguided__focal_loss.py", ["FocalLoss"])
close(ns["FocalLoss"](0.25, GAMMA)(z, t), (at * (1 - pt) ** GAMMA * bce).mean())
ok("cvlandguided__focal_loss.py", "FocalLoss", "== mean a_t (1 - p_t)^g BCE on the given 0/1 targets")

ns = extract("bgc_prophet__loss.py", ["trainLoss"])
p2 = torch.rand(N, K)
t2 = torch.randint(0, 2, (N, K)).double()
close(ns["trainLoss"]()(p2, t2), F.binary_cross_entropy(p2, t2))
ok("bgc_prophet__loss.py", "trainLoss", "== BCE on the given 0/1 labels")
