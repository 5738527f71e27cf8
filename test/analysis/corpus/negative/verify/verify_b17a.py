#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17a's negative files: vision code with no smoothed labels.

Run with Debian's interpreter:  /usr/bin/python3 verify_b17a.py
Each check shows the code's target is the hard label (or the given target) and no smoothed distribution.
"""
import ast
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, **extra)
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




def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    """torchvision.ops.sigmoid_focal_loss (torchvision is not installed here), written out."""
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


N, K = 8, 5
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()

# --- plant pathology MixupCriterion: lam-weighted sum of two hard-label criteria (mixes losses, not labels).
f = "plant_pathology_yohann__mixup.py"
ns = extract(f, ["MixupCriterion"])
yb = torch.randint(0, K, (N,))
lam = 0.3
close(ns["MixupCriterion"]()(F.cross_entropy, x, y, yb, lam), lam * F.cross_entropy(x, y) + (1 - lam) * F.cross_entropy(x, yb))
ok(f, "MixupCriterion", "== lam CE(y_a) + (1-lam) CE(y_b): mixup of two hard losses")

# --- plant pathology focal_loss: -alpha (1-p)^g log p weighted by the given (one-hot) target.
f = "plant_pathology_yohann__focal_loss.py"
ns = extract(f, ["focal_loss", "FocalLoss"])
p = F.softmax(x, 1) + 1e-6
want = (-0.5 * (1 - p) ** 2 * torch.log(p) * onehot).sum(1).mean()
close(ns["FocalLoss"](alpha=0.5, gamma=2.0, reduction="mean")(x, onehot), want)
ok(f, "FocalLoss", "== mean of -a (1-p_y)^g log p_y on the one-hot target (focal, hard)")

# --- darknorm: CE on plain logits, ArcFace / CosFace margin logits, all against the hard label.
f = "darknorm_jiuntian__loss.py"
ns = extract(f, ["CELoss", "ArcFaceLoss", "CosFaceLoss"])
close(ns["CELoss"]()(x, y, 0), F.cross_entropy(x, y))
cos = torch.rand(N, K) * 2 - 1
m, s = 0.3, 3
arc = s * torch.cos(torch.acos(cos.clamp(-0.99999, 0.99999)) + m * onehot)
close(ns["ArcFaceLoss"](s=s, m=m)(cos, y, 0), F.cross_entropy(arc, y))
close(ns["CosFaceLoss"](s=s, m=m)(cos, y, 0), F.cross_entropy(s * (cos - m * onehot), y))
ok(f, "CELoss/ArcFaceLoss/CosFaceLoss", "== hard CE (on margin logits for the face heads)")

# --- axfbh focal_loss: F.one_hot targets into torchvision's sigmoid focal loss (hard 0/1 targets).
f = "yolov7_axfbh__focal_loss.py"
ns = extract(f, ["sigmoid_one_hot_focal_loss"], sigmoid_focal_loss=sigmoid_focal_loss)
close(ns["sigmoid_one_hot_focal_loss"](x, y, K), sigmoid_focal_loss(x, onehot, 0.25, 2.0, "mean"))
ok(f, "sigmoid_one_hot_focal_loss", "== sigmoid focal loss on 0/1 one-hot targets")

# --- axfbh DiceLoss (multiple=True): soft dice of softmax vs one_hot target: not a CE, no smoothed target.
f = "yolov7_axfbh__dice_loss.py"
ns = extract(f, ["DiceLoss"])
seg = torch.randn(2, 3, 4, K)
lab = torch.randint(0, K, (2, 3, 4))
pr = F.softmax(seg, 1).reshape(2, -1)
tg = F.one_hot(lab, K).reshape(2, -1).double()
close(ns["DiceLoss"](K, multiple=True)(seg, lab), 1 - (2 * (pr * tg).sum() + 1e-5) / ((pr + tg).sum() + 1e-5))
ok(f, "DiceLoss", "== 1 - soft dice against the one-hot target (no CE)")

# --- DropBlock: multiplies features by a 0/1 block mask and rescales; no labels at all.
ok("metalearning_shrouk__dropblock.py", "DropBlock", "by reading: x * (1 - maxpool(bernoulli)) * numel/sum, features only")
