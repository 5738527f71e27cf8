#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17c's negative files: nothing in them builds a target from labels.

Run with Debian's interpreter:  /usr/bin/python3 verify_b17c.py
InfoNCE is a hard cross-entropy whose label is the positive pair's index; the EMAs and the scheduler are affine
combinations of parameters / learning rates; the regression losses are smooth-L1 / MSE. Prints "ok <file> <symbol>".
"""
import ast
import math
import os
import types

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, math=math, **extra)
    wanted = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name in names]
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


class FakeLightning:
    def __init__(self, *a, **k):
        pass


f = "fomo__simclr_compare.py"
ns = extract(f, ["SimCLR"], pl=types.SimpleNamespace(LightningModule=FakeLightning))
m = ns["SimCLR"].__new__(ns["SimCLR"])
B, D, T = 4, 5, 0.5
feats = torch.randn(2 * B, D)
m.convnet = lambda imgs: feats
m.hparams = types.SimpleNamespace(temperature=T)
m.log = lambda *a, **k: None
got = m.info_nce_loss(([torch.zeros(B, 1), torch.zeros(B, 1)], None))
sim = F.cosine_similarity(feats[:, None], feats[None], dim=-1)
sim.fill_diagonal_(-9e15)
pos = (torch.arange(2 * B) + B) % (2 * B)
close(got, F.cross_entropy(sim / T, pos))
ok(f, "SimCLR.info_nce_loss", "== hard CE whose label is the positive pair's index (no label smoothing)")

f = "gap__ema.py"
ns = extract(f, ["EMA"])
net = nn.Linear(3, 2)
ema = ns["EMA"](net, decay=0.9)
old = {k: v.clone() for k, v in ema.shadow.items()}
with torch.no_grad():
    for p in net.parameters():
        p.add_(1.0)
ema.update(net)
for k, p in net.named_parameters():
    close(ema.shadow[k], 0.9 * old[k] + 0.1 * p.data)
ok(f, "EMA.update", "== decay * shadow + (1 - decay) * param: weights, not targets")

f = "simple_imagegen__ddpm_ema.py"
ns = extract(f, ["EMA"])
a, b = torch.randn(4), torch.randn(4)
close(ns["EMA"](0.99).update_average(a, b), 0.99 * a + 0.01 * b)
ok(f, "EMA.update_average", "== decay * old + (1 - decay) * new: weights, not targets")

f = "srn__lr_schedule.py"
ns = extract(f, ["WarmupCosineAnnealingLR"])
opt = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.1)
sch = ns["WarmupCosineAnnealingLR"](opt, T_cosine_max=10, warmup=2)
lrs = []
for _ in range(6):
    lrs.append(opt.param_groups[0]["lr"])
    opt.step()
    sch.step()
close(lrs[3], 0.1 * (1 + math.cos(math.pi * 1 / 8)) / 2)
ok(f, "WarmupCosineAnnealingLR", "a learning-rate schedule (warmup, then cosine): no loss at all")

f = "pomdp__loss.py"
ns = extract(f, ["RegressionLoss"])
p, t = torch.randn(N := 6, 3), torch.randn(6, 3)
close(ns["RegressionLoss"](None)({"action": p}, {"action": t})["total"], F.smooth_l1_loss(p, t))
ok(f, "RegressionLoss", "== smooth-L1 on regression targets")

f = "leanai__regression.py"
ns = extract(f, ["SmoothL1Loss", "MSELoss"], _SmoothL1Loss=nn.SmoothL1Loss, _MSELoss=nn.MSELoss, Loss=nn.Module,
             register_loss=lambda: (lambda c: c))
close(ns["SmoothL1Loss"]()(p, t), F.smooth_l1_loss(p, t))
close(ns["MSELoss"]()(p, t), F.mse_loss(p, t))
ok(f, "SmoothL1Loss / MSELoss", "== torch's regression losses")
