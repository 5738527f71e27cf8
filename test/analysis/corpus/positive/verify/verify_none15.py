#!/usr/bin/env python3
"""nnU-Net's TopKLoss (float64): with k = 100 it is nn.CrossEntropyLoss(label_smoothing=ε) averaged over voxels.

Run with Debian's interpreter:  /usr/bin/python3 verify_none15.py
"""
import ast
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

fname = "nnunet__robust_ce_loss.py"
tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
ns = dict(torch=torch, nn=nn, np=np, Tensor=torch.Tensor)
for node in tree.body:
    if isinstance(node, ast.ClassDef):
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)

logits = torch.randn(2, 4, 3, 3)
target = torch.randint(0, 4, (2, 1, 3, 3)).double()
for eps in (0.0, 0.2):
    got = ns["TopKLoss"](k=100, label_smoothing=eps)(logits, target)
    want = F.cross_entropy(logits, target[:, 0].long(), label_smoothing=eps)
    assert torch.allclose(got, want, atol=1e-9), (eps, got, want)
got = ns["RobustCrossEntropyLoss"]()(logits, target)
assert torch.allclose(got, F.cross_entropy(logits, target[:, 0].long()), atol=1e-9)
print("ok", fname, "TopKLoss", "k=100 == F.cross_entropy(label_smoothing=eps): uniform eps/K")
print("ok", fname, "RobustCrossEntropyLoss", "default == F.cross_entropy")
