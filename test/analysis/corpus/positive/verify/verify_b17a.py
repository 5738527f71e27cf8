#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17a's positive files (vision: re-id, fine-grained, Kaggle, detection,
segmentation, medical, point clouds).

Run with Debian's interpreter:  /usr/bin/python3 verify_b17a.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check compares the loss with cross-entropy against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os
import types

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.module import Module

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Module=Module, **extra)
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


def soft_ce(logits, q, dim=-1):
    return -(q * F.log_softmax(logits, dim)).sum(dim)


N, K, EPS = 8, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
binary = onehot * (1 - EPS) + EPS / 2

# --- msba_reid: CrossEntropyLabelSmooth sums _forward over a tuple of logits; each is CE against (1-e) onehot + e/K.
f = "msba_reid__label_smooth.py"
ns = extract(f, ["CrossEntropyLabelSmooth"])
crit = ns["CrossEntropyLabelSmooth"](num_classes=K, epsilon=EPS)
close(crit(x, y), nn.CrossEntropyLoss(label_smoothing=EPS)(x, y))
x2 = torch.randn(N, K)
close(crit((x, x2), y), soft_ce(x, uniform).mean() + soft_ce(x2, uniform).mean())
ok(f, "CrossEntropyLabelSmooth", "== CE(label_smoothing=e); a tuple of heads sums one such CE per head")

# --- XIVReID: the same uniform class (use_gpu=False on the CPU).
f = "xivreid__triplet_loss.py"
ns = extract(f, ["CrossEntropyLabelSmooth"])
close(ns["CrossEntropyLabelSmooth"](num_classes=K, epsilon=EPS, use_gpu=False)(x, y), soft_ce(x, uniform).mean())
ok(f, "CrossEntropyLabelSmooth", "== CE against (1-e) onehot + e/K")

# --- flower102 / plant pathology: new_ones * e/(K-1), scatter 1-e at the label: e/(K-1).
for f in ["flower102_zhuyue__my_loss.py", "plant_pathology_yohann__label_smooth_loss.py"]:
    ns = extract(f, ["LabelSmoothLoss"])
    close(ns["LabelSmoothLoss"](smoothing=EPS)(x, y), soft_ce(x, k_minus_1).mean())
    ok(f, "LabelSmoothLoss", "== CE against 1-e at the label, e/(K-1) elsewhere")

# --- fine-grained (HuiyanQi): smooth builds e/(K-1) rows (batch size and class count from config); celoss is soft CE.
f = "finegrained_qi__operation.py"
config = types.SimpleNamespace(BATCH_SIZE=N, class_num=K)
ns = extract(f, ["smooth", "celoss"], config=config)
q = ns["smooth"](y.clone(), K, smoothing=EPS)
close(q, k_minus_1)
ok(f, "smooth", "== (1-e) at the label, e/(K-1) elsewhere")
soft = torch.softmax(torch.randn(N, K), -1)
close(ns["celoss"](x, soft), soft_ce(x, soft).mean())
ok(f, "celoss", "== mean of -sum q log_softmax(x) for a given target q (soft target)")
close(ns["celoss"](x, ns["smooth"](y.clone(), K, smoothing=0.1)),
      soft_ce(x, onehot * 0.9 + (1 - onehot) * 0.1 / (K - 1)).mean())
ok("finegrained_qi__train.py", "train", "celoss(outputs, smooth(targets, K, 0.1)): e/(K-1) with e = 0.1")

# --- point-cloud smooth_loss (dgcnn copy): e = 0.2 hard-coded, e/(K-1).
f = "dl_final_smfirmin__loss.py"
ns = extract(f, ["smooth_loss"])
close(ns["smooth_loss"](x, y), soft_ce(x, onehot * 0.8 + (1 - onehot) * 0.2 / (K - 1)).mean())
ok(f, "smooth_loss", "== CE against 0.8 at the label, 0.2/(K-1) elsewhere")

# --- plant pathology cutmix: hard labels -> one_hot -> plain CE; 2-D targets are used as given (soft target).
f = "plant_pathology_yohann__cutmix_loss.py"
ns = extract(f, ["cross_entropy"])
close(ns["cross_entropy"](x, soft), soft_ce(x, soft).mean())
close(ns["cross_entropy"](x, soft, size_average=False), soft_ce(x, soft).sum())
ok(f, "cross_entropy", "== mean (or sum) of soft CE against the given target")
close(ns["cross_entropy"](x, onehot), F.cross_entropy(x, y))
ok(f, "CutMixCrossEntropyLoss", "1-D labels are one-hot (hard): plain CE (the .cuda() call aside); 2-D targets soft")

# --- axfbh yolov7: class targets t = full_like(cn) with cp at the class, (cp, cn) = smooth_BCE(e) = (1-e/2, e/2).
f = "yolov7_axfbh__DetectionMetric.py"
ns = extract(f, ["smooth_BCE"])
cp, cn = ns["smooth_BCE"](eps=EPS)
nb, C = 5, 4
cls = torch.randint(1, C + 1, (nb,))
ps = torch.randn(nb, C)
t = torch.full_like(ps, cn)
t[range(nb), cls - 1] = cp
oh = F.one_hot(cls - 1, C).double()
close(t, oh * (1 - EPS) + EPS / 2)
close(nn.BCEWithLogitsLoss()(ps, t), F.binary_cross_entropy_with_logits(ps, oh * (1 - EPS) + EPS / 2))
ok("yolov7_axfbh__yolo_loss.py", "YoloLossV4/V5/V7", "class BCE targets 1-e/2 / e/2: binary smoothing")
t3 = torch.zeros_like(ps)
t3[range(nb), cls - 1] = 1
close(t3, oh)
ok("yolov7_axfbh__yolo_loss.py", "YoloLossV3", "class BCE targets 0/1: hard (cp, cn unused)")

# --- casenet: NLLLoss of log_softmax over dim 1 (implicit for 4-D input): per-pixel hard CE.
f = "casenet_maumau__loss.py"
ns = extract(f, ["loss_function"])
seg = torch.randn(2, K, 3, 4)
mask = torch.randint(0, K, (2, 3, 4))
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    close(ns["loss_function"](seg, mask), F.cross_entropy(seg, mask))
ok(f, "loss_function", "== F.cross_entropy over (N, C, H, W) (hard)")

# --- OutcomePrediction: CE against argmax of a one-hot target (hard).
f = "outcome_prediction_cacof1__loss.py"
ns = extract(f, ["CrossEntropy"])
close(ns["CrossEntropy"](x, onehot), F.cross_entropy(x, y))
ok(f, "CrossEntropy", "== F.cross_entropy(x, argmax(target)) (hard)")
