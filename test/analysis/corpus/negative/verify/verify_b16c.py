#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16c's negative files: tempting code with no label smoothing
(confidence penalty, logit margins, distillation, not-true distillation, focal, contrastive, sharpened consistency).

Run with Debian's interpreter:  /usr/bin/python3 verify_b16c.py
Each check shows the loss is a function of hard labels (or of given soft targets / predictions only).
"""
import ast
import os
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, np=np, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


N, K = 7, 6
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
p = F.softmax(x, -1)

# MbLS: confidence penalty and logit margin, both on top of plain CE.
ns = extract("mbls__penalty_entropy.py", ["PenaltyEntropy"], EPS=1e-10)
loss, loss_ce, loss_ent = ns["PenaltyEntropy"](alpha=0.3)(x, y)
close(loss_ce, F.cross_entropy(x, y))
close(loss, F.cross_entropy(x, y) - 0.3 * (-(p * p.log())).mean())
close(loss, -((onehot - 0.3 / K * p) * p.log()).sum(1).mean())
print("ok mbls__penalty_entropy.py PenaltyEntropy other (CE - alpha * entropy: target onehot - (alpha/K) p)")
ns = extract("mbls__logit_margin_l1.py", ["LogitMarginL1"])
loss, loss_ce, loss_margin = ns["LogitMarginL1"](margin=1.0, alpha=0.2)(x, y)
close(loss_ce, F.cross_entropy(x, y))
close(loss_margin, F.relu(x.max(1, keepdim=True).values - x - 1.0).mean())
print("ok mbls__logit_margin_l1.py LogitMarginL1 none (CE + margin penalty on logits)")

# rfs: Hinton distillation.
ns = extract("rfs__criterion.py", ["DistillKL"])
teacher = torch.randn(N, K)
T = 4.0
pt = F.softmax(teacher / T, 1)
close(ns["DistillKL"](T)(x, teacher), T * T * (pt * (pt.log() - F.log_softmax(x / T, 1))).sum() / N)
print("ok rfs__criterion.py DistillKL soft_target (teacher distribution)")


# PFLlib FedNTD: distillation restricted to the not-true classes.
class Client:
    pass


ns = extract("pflib__clientntd.py", ["clientNTD", "refine_as_not_true"], Client=Client, copy=None, time=None)
fake = types.SimpleNamespace(tau=2.0, num_classes=K, KLDiv=nn.KLDivLoss(reduction="batchmean"))
got = ns["clientNTD"]._ntd_loss(fake, x, teacher, y)
keep = ~onehot.bool()
xs, ts = x[keep].view(N, K - 1), teacher[keep].view(N, K - 1)
q = F.softmax(ts / 2.0, 1)
close(got, 4.0 * (q * (q.log() - F.log_softmax(xs / 2.0, 1))).sum() / N)
print("ok pflib__clientntd.py clientNTD soft_target (KL on the K-1 not-true classes)")

# pytorch-widedeep: sigmoid focal loss on one-hot targets, InfoNCE on the diagonal.
ns = extract("widedeep__losses.py", ["FocalLoss", "InfoNCELoss"], Tensor=torch.Tensor, Tuple=tuple)
alpha, gamma = 0.25, 2.0
s = torch.sigmoid(x)
pt_ = s * onehot + (1 - s) * (1 - onehot)
w = (alpha * onehot + (1 - alpha) * (1 - onehot)) * (1 - pt_) ** gamma
close(ns["FocalLoss"](alpha=alpha, gamma=gamma)(x, y.view(-1, 1)), F.binary_cross_entropy(s, onehot, w))
print("ok widedeep__losses.py FocalLoss none (focal weights on one-hot targets)")
z1, z2 = torch.randn(4, 3, 5), torch.randn(4, 3, 5)
a, b = F.normalize(z1, dim=-1).flatten(1), F.normalize(z2, dim=-1).flatten(1)
logits = a @ b.t() / 0.1
idx = torch.arange(4)
close(ns["InfoNCELoss"]()((z1, z2)), (F.cross_entropy(logits, idx) + F.cross_entropy(logits.t(), idx)) / 2)
print("ok widedeep__losses.py InfoNCELoss none (CE against the diagonal)")

# GRAND: consistency to the sharpened average prediction (MSE, no labels).
args = types.SimpleNamespace(tem=0.5, lam=1.0)
ns = extract("grand__train_grand.py", ["consis_loss"], args=args)
logps = [F.log_softmax(torch.randn(N, K), 1) for _ in range(3)]
ps = [lp.exp() for lp in logps]
avg = sum(ps) / 3
sharp = avg ** 2 / (avg ** 2).sum(1, keepdim=True)
close(ns["consis_loss"](logps), sum(((pp - sharp) ** 2).sum(1).mean() for pp in ps) / 3)
print("ok grand__train_grand.py consis_loss none (MSE to the sharpened mean prediction)")
