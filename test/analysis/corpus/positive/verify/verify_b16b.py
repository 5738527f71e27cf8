#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16b's positive files (computer vision: Kaggle cassava / melanoma,
tiger and gait re-identification).

Run with Debian's interpreter:  /usr/bin/python3 verify_b16b.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F
(`.cuda()` is the identity here). Each check writes the loss as cross-entropy (or BCE / KL) against the target its
label names. Prints "ok <file> <symbol>"; any failure raises.
"""
import ast
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
from torch.nn.modules.loss import MSELoss, _Loss, _WeightedLoss

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
torch.Tensor.cuda = lambda self, *a, **k: self


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, math=math, Variable=Variable, _Loss=_Loss, _WeightedLoss=_WeightedLoss,
              MSELoss=MSELoss, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert set(names) <= {n.name for n in wanted}, (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


def soft_ce(logits, q):
    return -(q * F.log_softmax(logits, -1)).sum(-1)


def entropy(q):
    return -(q * torch.log(q.clamp_min(1e-300))).sum(-1)


N, K, EPS = 7, 5, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
q = torch.softmax(torch.randn(N, K), -1)  # an arbitrary given soft target
tb = torch.randint(0, 2, (N, K)).double()  # 0/1 multi-label targets

f = "cassava_kevinmathewt__loss.py"
ns = extract(f, ["SmoothBCEwLogits", "MyCrossEntropyLoss", "CosineLoss", "FocalCosineLoss"])
close(ns["SmoothBCEwLogits"](smoothing=EPS)(x, tb), F.binary_cross_entropy_with_logits(x, tb * (1 - EPS) + EPS / 2))
ok(f, "SmoothBCEwLogits", "== BCE-with-logits against t(1-e) + e/2 (binary)")
close(ns["MyCrossEntropyLoss"]()(x, q), soft_ce(x, q).mean())
ok(f, "MyCrossEntropyLoss", "== CE against the given target (soft_target)")
cos = F.cosine_embedding_loss(x, onehot, torch.ones(1))
close(ns["CosineLoss"]()(x, y), cos + 0.1 * F.cross_entropy(F.normalize(x), y))
ok(f, "CosineLoss", "== cosine(x, onehot) + 0.1 CE(normalize(x), y): hard labels")
close(ns["FocalCosineLoss"](gamma=0)(x, y), cos + 0.1 * F.cross_entropy(F.normalize(x), y))
ok(f, "FocalCosineLoss", "gamma=0 == CosineLoss: focal weight on hard-label CE")

f = "cassava_felixglush__loss_functions.py"
ns = extract(f, ["LabelSmoothingLoss", "bi_tempered_logistic_loss", "BiTemperedLoss"])
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), soft_ce(x, k_minus_1).mean())
ok(f, "LabelSmoothingLoss", "== CE against (1-e) onehot + e/(K-1)")
close(ns["bi_tempered_logistic_loss"](x, q, 1.0, 1.0), soft_ce(x, q) - entropy(q), tol=1e-8)
ok(f, "bi_tempered_logistic_loss", "t1 = t2 = 1: KL(given target || softmax); label_smoothing unused")
close(ns["BiTemperedLoss"](1.0, 1.0, K, EPS)(x, y), (soft_ce(x, k_minus_1) - entropy(k_minus_1)).mean(), tol=1e-8)
ok(f, "BiTemperedLoss", "t1 = t2 = 1: KL((1-e) onehot + e/(K-1) || softmax)")

f = "cassava_r1ck29__label_smoothing_loss.py"
ns = extract(f, ["LabelSmoothingLoss", "LabelSmoothingLossv2"])
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), soft_ce(x, k_minus_1).mean())
ok(f, "LabelSmoothingLoss", "== CE against (1-e) onehot + e/(K-1)")
close(ns["LabelSmoothingLossv2"](K, EPS)(F.log_softmax(x, -1), y), soft_ce(x, k_minus_1).mean())
ok(f, "LabelSmoothingLossv2", "on log-probabilities: == CE against (1-e) onehot + e/(K-1)")

f = "cassava_riron1206__smooth_ce_loss.py"
ns = extract(f, ["SmoothCrossEntropyLoss"])
close(ns["SmoothCrossEntropyLoss"](smoothing=EPS)(x, y), soft_ce(x, k_minus_1).mean())
ok(f, "SmoothCrossEntropyLoss", "== CE against (1-e) onehot + e/(K-1)")

f = "cassava_riron1206__taylor_ce_loss.py"
ns = extract(f, ["TaylorSoftmax", "LabelSmoothingLoss", "TaylorCrossEntropyLoss"])
close(ns["LabelSmoothingLoss"](K, EPS)(F.log_softmax(x, -1), y), soft_ce(x, k_minus_1).mean())
ok(f, "LabelSmoothingLoss", "on log-probabilities: == CE against (1-e) onehot + e/(K-1)")
fn = 1 + x + x ** 2 / 2
taylor = fn / fn.sum(1, keepdim=True)
close(ns["TaylorCrossEntropyLoss"](K, smoothing=EPS)(x, y), (-(k_minus_1 * taylor.log()).sum(-1)).mean())
ok(f, "TaylorCrossEntropyLoss", "== CE of the 2nd-order Taylor softmax against (1-e) onehot + e/(K-1)")

f = "melanoma_carbonati__losses.py"
ns = extract(f, ["BCELabelSmoothingLoss", "LabelSmoothingLoss"])
close(ns["BCELabelSmoothingLoss"](EPS)(x, tb), F.binary_cross_entropy_with_logits(x, tb * (1 - EPS) + EPS / 2))
ok(f, "BCELabelSmoothingLoss", "== BCE-with-logits against t(1-e) + e/2 (binary)")
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), soft_ce(x, k_minus_1).mean())
ok(f, "LabelSmoothingLoss", "== CE against (1-e) onehot + e/(K-1)")

f = "melanoma_ipan__custom.py"
# This file casts to float32 (`.float()`): compared to 1e-6.
F32 = 1e-6
ns = extract(f, ["BCEWithLogitsLoss", "CrossEntropyLoss", "OneHotCrossEntropy", "LabelSmoothing", "MixCE",
                 "DenseCrossEntropy", "ArcFaceLoss", "ArcCELoss", "OHEMCELoss", "FocalLoss"])
close(ns["BCEWithLogitsLoss"]()(x, tb), F.binary_cross_entropy_with_logits(x, tb), tol=F32)
ok(f, "BCEWithLogitsLoss", "== BCE-with-logits on the given 0/1 targets")
close(ns["CrossEntropyLoss"]()(x, y), F.cross_entropy(x, y), tol=F32)
ok(f, "CrossEntropyLoss", "== hard-label CE")
close(ns["OneHotCrossEntropy"]()(x, q), soft_ce(x, q).mean(), tol=F32)
ok(f, "OneHotCrossEntropy", "== CE against the given target (soft_target)")
ls = ns["LabelSmoothing"](EPS)
close(ls.train()(x, y), soft_ce(x, uniform).mean(), tol=F32)
close(ls.eval()(x, y), F.cross_entropy(x, y), tol=F32)
ok(f, "LabelSmoothing", "training: CE against (1-e) onehot + e/K; eval: plain CE")
y2, lam = torch.randint(0, K, (N,)), 0.3
mixed = lam * onehot + (1 - lam) * F.one_hot(y2, K).double()
close(ns["MixCE"]()(x, {"lam": lam, "y_true1": y, "y_true2": y2}), soft_ce(x, mixed).mean(), tol=F32)
close(ns["MixCE"]()(x, y), F.cross_entropy(x, y), tol=F32)
ok(f, "MixCE", "mixup: CE against lam onehot(y1) + (1-lam) onehot(y2); otherwise hard CE")
close(ns["DenseCrossEntropy"]()(x, q), soft_ce(x, q).mean(), tol=F32)
ok(f, "DenseCrossEntropy", "== CE against the given target (soft_target)")
c = torch.tanh(x)
s, m = 30.0, 0.5
phi = torch.cos(torch.acos(c) + m)
phi = torch.where(c > math.cos(math.pi - m), phi, c - math.sin(math.pi - m) * m)
margin_logits = s * (onehot * phi + (1 - onehot) * c)
close(ns["ArcFaceLoss"]()(c, y), F.cross_entropy(margin_logits, y), tol=F32)
ok(f, "ArcFaceLoss", "== hard-label CE on ArcFace margin logits")
close(ns["ArcCELoss"]()((x, c), y)[0], F.cross_entropy(x, y) + 0.2 * F.cross_entropy(margin_logits, y), tol=F32)
ok(f, "ArcCELoss", "== CE + 0.2 ArcFace CE, hard labels")
close(ns["OHEMCELoss"](total_steps=10)(x, y), F.cross_entropy(x, y), tol=F32)
ok(f, "OHEMCELoss", "first step keeps every row: hard-label CE")
close(ns["FocalLoss"](gamma=0, reduction=True)(x, tb), F.binary_cross_entropy_with_logits(x, tb), tol=F32)
ok(f, "FocalLoss", "gamma=0 == BCE-with-logits on the given targets")

for f in ["tiger_reid__triplet_loss.py", "gait_recognition__cross_entropy_loss.py"]:
    ns = extract(f, ["CrossEntropyLabelSmooth"])
    args = (K, EPS) if f.startswith("tiger") else ("mean", K, EPS, "cpu")
    close(ns["CrossEntropyLabelSmooth"](*args)(x, y), soft_ce(x, uniform).mean())
    ok(f, "CrossEntropyLabelSmooth", "== CE against (1-e) onehot + e/K")
