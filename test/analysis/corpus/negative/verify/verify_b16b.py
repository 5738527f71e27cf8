#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16b's negative files (computer vision: Kaggle cassava / Bengali.AI
losses, a vehicle re-identification margin loss): focal, cosine, OHEM, hinge, symmetric CE and ArcFace / CosFace
margins on hard labels, none of them smoothing.

Run with Debian's interpreter:  /usr/bin/python3 verify_b16b.py
Classes are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F (`.cuda()` is the
identity here). Each check writes the loss as hard-label cross-entropy (or BCE). Prints "ok <file> <symbol>".
"""
import ast
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
torch.Tensor.cuda = lambda self, *a, **k: self


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Variable=Variable, **extra)
    wanted = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    assert set(names) <= {n.name for n in wanted}, (fname, names)
    for node in wanted:
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
onehot = F.one_hot(y, K).double()
ce = F.cross_entropy(x, y, reduction="none")
tb = torch.randint(0, 2, (N, K)).double()
p = torch.sigmoid(x)

f = "cassava_r1ck29__symmetric_ce_loss.py"
ns = extract(f, ["SymmetricCrossEntropy"])
close(ns["SymmetricCrossEntropy"](num_classes=K)(x, y), 1.1 * ce.mean())
ok(f, "SymmetricCrossEntropy", "its 'reverse' term is CE again: (alpha + beta) CE on hard labels")

f = "cassava_r1ck29__focal_cosine_loss.py"
ns = extract(f, ["FocalCosineLoss"])
cos = F.cosine_embedding_loss(x, onehot, torch.ones(1))
xn = F.cross_entropy(F.normalize(x), y, reduction="none")
close(ns["FocalCosineLoss"]()(x, y), cos + 0.1 * ((1 - torch.exp(-xn)) ** 2 * xn).mean())
ok(f, "FocalCosineLoss", "cosine(x, onehot) + 0.1 focal CE(normalize(x), y): hard labels")

f = "cassava_navitacion__losses.py"
ns = extract(f, ["FocalLoss"])
close(ns["FocalLoss"](gamma=0)(x, y), ce.mean())
pt = torch.exp(-ce)
close(ns["FocalLoss"](gamma=2)(x, y), ((1 - pt) ** 2 * ce).mean())
ok(f, "FocalLoss", "(1 - p_y)^gamma CE on hard labels; gamma=0 is CE")

f = "bengali_koukyo1994__factory.py"
ns = extract(f, ["BengaliCrossEntropyLoss", "FocalLoss", "BengaliFocalLoss", "BengaliBCELoss", "OHEMLoss",
                 "BengaliOHEMLoss", "GraphemeLoss"])
ng, nv, nc = 4, 3, 2
xb = torch.randn(N, ng + nv + nc)
tb3 = torch.stack([torch.randint(0, ng, (N,)), torch.randint(0, nv, (N,)), torch.randint(0, nc, (N,))], 1)
parts = [xb[:, :ng], xb[:, ng:ng + nv], xb[:, ng + nv:]]
ces = [F.cross_entropy(parts[i], tb3[:, i]) for i in range(3)]
close(ns["BengaliCrossEntropyLoss"](ng, nv, nc)(xb, tb3), sum(ces))
ok(f, "BengaliCrossEntropyLoss", "sum of hard-label CE over the three heads")
bce = F.binary_cross_entropy(p, tb, reduction="none")
close(ns["FocalLoss"]()(p, tb), ((1 - torch.exp(-bce)) ** 2 * bce).mean())
ok(f, "FocalLoss", "focal BCE on probabilities against the given 0/1 targets")
tbin = torch.randint(0, 2, (N, ng + nv + nc)).double()
# BengaliFocalLoss passes (N, head) predictions with (N,) target columns to F.binary_cross_entropy, which refuses
# the shapes: labelled by reading (FocalLoss per head, hard targets).
close(ns["BengaliBCELoss"](ng, nv, nc)(xb, tbin),
      sum(F.binary_cross_entropy_with_logits(xb[:, a:b], tbin[:, a:b]) for a, b in [(0, ng), (ng, ng + nv), (ng + nv, ng + nv + nc)]))
ok(f, "BengaliBCELoss", "BCE-with-logits per head on the given targets")
close(ns["OHEMLoss"](rate=1.0)(x, y), ce.mean())
keep = torch.sort(ce, descending=True).values[:int(N * 0.7)]
close(ns["OHEMLoss"]()(x, y), keep.sum() / len(keep))
ok(f, "OHEMLoss", "mean of the hardest rows' hard-label CE")
close(ns["BengaliOHEMLoss"](ng, nv, nc, rate=1.0)(xb, tb3), sum(ces))
ok(f, "BengaliOHEMLoss", "rate 1: sum of hard-label CE over the heads")
close(ns["GraphemeLoss"]()(xb[:, :ng], tb3), ces[0])
ok(f, "GraphemeLoss", "hard-label CE on the first head")

f = "bengali_lromul__losses.py"
ns = extract(f, ["BengaliAiCrossEntropy"])
close(ns["BengaliAiCrossEntropy"](binary=False)(parts, [tb3[:, 0], tb3[:, 1], tb3[:, 2]]),
      2 * ces[0] + ces[1] + ces[2])
ok(f, "BengaliAiCrossEntropy", "weighted hard-label CE (binary=False); BCE on given targets by default")

f = "veri_corner100__some_loss_functions.py"
ns = extract(f, ["AngularPenaltySMLoss"])
loss = ns["AngularPenaltySMLoss"](8, K, loss_type="cosface", s=4.0, m=1e-300)
feat = torch.randn(N, 8)
wf = loss.fc(F.normalize(feat, dim=1))
close(loss(feat, y), F.cross_entropy(4.0 * wf, y))
m = 0.4
loss.m = m
close(loss(feat, y), F.cross_entropy(4.0 * (wf - m * onehot), y))
ok(f, "AngularPenaltySMLoss", "CosFace: hard-label CE on s (cos - m at the target)")
