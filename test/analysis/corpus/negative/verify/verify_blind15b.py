#!/usr/bin/env python3
"""Numerical checks (float64) of the second blind round's negative files: hard-label CE / NLL in segmentation,
sequence tagging, LM and graph code, a Dice loss with a Laplace `smooth` term.

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15b.py
Functions / classes are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check writes the loss as hard-label cross-entropy. Prints "ok <file> <symbol>"; any failure raises.
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


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 7, 6
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
ce = F.cross_entropy(x, y, reduction="none")

ns = extract("antnas__loss.py", ["cross_entropy", "segmentation_cross_entropy"])
close(ns["cross_entropy"](x, y), ce)
x4, y4 = torch.randn(2, K, 3, 4), torch.randint(0, K, (2, 3, 4))
close(ns["segmentation_cross_entropy"](x4, y4), F.cross_entropy(x4, y4, reduction="none").view(2, -1).mean(1))
ok("antnas__loss.py", "cross_entropy / segmentation_cross_entropy", "== hard-label CE (per sample / per-pixel mean)")

yi = y4.clone()
yi[0, 0, 0] = 255
ns = extract("cmpt414_binary_seg__loss.py", ["cross_entropy_loss"])
keep = yi != 255
close(ns["cross_entropy_loss"](x4, yi), F.cross_entropy(x4.permute(0, 2, 3, 1)[keep], yi[keep]))
ok("cmpt414_binary_seg__loss.py", "cross_entropy_loss", "== hard-label CE over pixels not 255")

PAD = 0
tags = torch.randint(0, K, (2, 5))
logits = torch.randn(2, 5, K)
ns = extract("finlp__util.py", ["cross_entropy"])
m = tags != PAD
close(ns["cross_entropy"](logits, tags, {"<pad>": PAD}), F.cross_entropy(logits[m], tags[m]))
ok("finlp__util.py", "cross_entropy", "== hard-label CE over non-pad tags")

ns = extract("fmengine__loss_func.py", ["loss_fn"])
close(ns["loss_fn"]((logits,), tags), F.cross_entropy(logits.view(-1, K), tags.view(-1)))
ok("fmengine__loss_func.py", "loss_fn", "== hard-label token CE")

lp = F.log_softmax(x, -1)
ns = extract("knoxai__graph_conv.py", ["GraphConvNet"], GraphConvBase=nn.Module)
close(ns["GraphConvNet"].loss(None, lp, y), ce.mean())
ok("knoxai__graph_conv.py", "GraphConvNet.loss", "== NLL of log-probabilities: hard-label CE")

w = [1.0] * K
ns = extract("rednet_segmentation__loss.py", ["CrossEntropyLoss2d"], med_frq=w)
yr = torch.randint(0, K + 1, (2, 3, 4))
xr = torch.randn(2, K, 3, 4)
mask = yr > 0
want = F.cross_entropy(xr, (yr - 1).clamp_min(0), reduction="none")[mask].sum() / mask.sum()
close(ns["CrossEntropyLoss2d"]()([xr.float()], [yr]), want, tol=1e-5)  # its class weights are .float()
ok("rednet_segmentation__loss.py", "CrossEntropyLoss2d", "== hard-label CE over labelled pixels (label - 1)")

pr, tr = torch.rand(2, 8), (torch.rand(2, 8) > 0.5).double()
ns = extract("water_rs_seg__loss.py", ["dice_loss"])
close(ns["dice_loss"](pr, tr), 1 - (2 * (pr * tr).sum() + 1) / (pr.sum() + tr.sum() + 1))
ok("water_rs_seg__loss.py", "dice_loss", "== 1 - Dice with Laplace smooth 1 against the given mask")
