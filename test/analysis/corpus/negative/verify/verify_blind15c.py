#!/usr/bin/env python3
"""Numerical checks (float64) of the third blind round's negative files (self-/semi-supervised, long-tailed, few-shot, text).

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15c.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F / np.
Each check shows the loss is hard-label cross-entropy (on shifted logits) or cross-entropy against a given
distribution (soft_target); nothing mixes a uniform or per-class constant into the target. Prints "ok <file> <symbol>".
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
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


def soft_ce(logits, q):
    return -(q * F.log_softmax(logits, -1)).sum(-1)


N, K = 8, 5
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
counts = torch.tensor([400.0, 200.0, 90.0, 30.0, 8.0])

# DINO-style: CE against the centred, sharpened teacher softmax.
t = torch.randn(N, K)
ns = extract("dino_aditya__dino_loss.py", ["DINOLoss"])
loss = ns["DINOLoss"](K, teacher_temp=0.07, student_temp=0.1)
q = F.softmax(t / 0.07, -1)
close(loss(x, t), soft_ce(x / 0.1, q).mean())
ok("dino_aditya__dino_loss.py", "DINOLoss", "soft_target (teacher softmax)")

ns = extract("sslearn__dino_loss.py", ["DINOLoss"])
center = torch.randn(1, K)
close(ns["DINOLoss"](0.1, 0.04)(x, t, center), soft_ce(x / 0.1, F.softmax((t - center) / 0.04, -1)).mean())
ok("sslearn__dino_loss.py", "DINOLoss", "soft_target (teacher softmax, nn.CrossEntropyLoss with probabilities)")

ns = extract("solo_learn__dino.py", ["DINOLoss"], dist=torch.distributed)
loss = ns["DINOLoss"](K, 0.04, 0.07, 2, 10, student_temp=0.1, num_large_crops=2)
s2, t2 = torch.randn(2 * N, K), torch.randn(2 * N, K)
qa, qb = F.softmax(t2 / 0.04, -1).chunk(2)
sa, sb = (s2 / 0.1).chunk(2)
close(loss(s2, t2), (soft_ce(sb, qa).mean() + soft_ce(sa, qb).mean()) / 2)
ok("solo_learn__dino.py", "DINOLoss", "soft_target (teacher softmax, swapped views)")

ns = extract("solo_learn__swav.py", ["swav_loss_func"], List=list)
p1, p2 = torch.randn(N, K), torch.randn(N, K)
a1, a2 = F.softmax(torch.randn(N, K), -1), F.softmax(torch.randn(N, K), -1)
close(ns["swav_loss_func"]([p1, p2], [a1, a2], 0.1), (soft_ce(p2 / 0.1, a1).mean() + soft_ce(p1 / 0.1, a2).mean()) / 2)
ok("solo_learn__swav.py", "swav_loss_func", "soft_target (Sinkhorn codes)")

# MixMatch: Lx = CE against the given (mixed) soft targets, Lu = MSE of probabilities.
ns = extract("decab__semiloss.py", ["SemiLoss"], linear_rampup=lambda e: 1.0)
tx, tu, xu = F.softmax(torch.randn(N, K), -1), F.softmax(torch.randn(N, K), -1), torch.randn(N, K)
lx, lu, _ = ns["SemiLoss"]()(x, tx, xu, tu, 0)
close(lx, soft_ce(x, tx).mean())
close(lu, ((F.softmax(xu, 1) - tu) ** 2).mean())
ok("decab__semiloss.py", "SemiLoss", "soft_target (given targets_x), MSE consistency")

# Long-tailed: hard-label CE on margin-shifted / prior-shifted logits.
ns = extract("sslt__LDAMLoss.py", ["LDAMLoss"])
crit = ns["LDAMLoss"](counts, max_m=0.5, s=30)
m = 1.0 / counts.sqrt().sqrt()
m = m * (0.5 / m.max())
close(crit(x, y), F.cross_entropy(30 * (x - F.one_hot(y, K) * m[y].unsqueeze(1)), y), tol=1e-5)
ok("sslt__LDAMLoss.py", "LDAMLoss", "none (hard CE, per-class margin; float32 one-hot inside)")

ns = extract("wrench__LDAM_loss.py", ["LDAMLoss"])
crit = ns["LDAMLoss"](counts.numpy(), max_m=0.5, s=30, device="cpu")
close(crit(x, y), F.cross_entropy(30 * (x - F.one_hot(y, K) * m[y].unsqueeze(1)), y), tol=1e-5)
ok("wrench__LDAM_loss.py", "LDAMLoss", "none (hard CE, per-class margin; float32 cast inside)")

ns = extract("imbalanced_cls__logitadjust.py", ["LogitAdjustedLoss"])
close(ns["LogitAdjustedLoss"](counts, tau=1.5)(x, y), F.cross_entropy(x + 1.5 * torch.log(counts / counts.sum()), y))
ok("imbalanced_cls__logitadjust.py", "LogitAdjustedLoss", "none (hard CE, logit adjustment)")

ns = extract("action__losses.py", ["BalancedSoftmax", "balanced_softmax_loss"])
close(ns["BalancedSoftmax"](counts)(x, y), F.cross_entropy(x + counts.log(), y))
close(ns["balanced_softmax_loss"](y, x, counts), F.cross_entropy(x + counts.log(), y))
ok("action__losses.py", "BalancedSoftmax / balanced_softmax_loss", "none (hard CE, log prior)")

ns = extract("adversarial_nids__balanced_softmax.py", ["BalancedSoftmaxLoss"])
close(ns["BalancedSoftmaxLoss"](counts.tolist())(x, y), F.cross_entropy(x + torch.log(counts + 1e-12), y), tol=1e-6)
ok("adversarial_nids__balanced_softmax.py", "BalancedSoftmaxLoss", "none (hard CE, log prior)")

# Few-shot: prototypical loss = hard NLL of the query's own class over -distances.
ns = extract("idl_fewshot__loss.py", ["euclidean_dist", "loss_fn"])
n_way, n_sup, n_q, d = 3, 2, 4, 6
emb = torch.randn(n_way * (n_sup + n_q), d)
lab = torch.arange(n_way).repeat_interleave(n_sup + n_q)
loss, _ = ns["loss_fn"](emb, lab, n_sup)
protos = torch.stack([emb[lab == c][:n_sup].mean(0) for c in range(n_way)])
qs = torch.cat([emb[lab == c][n_sup:] for c in range(n_way)])
close(loss, F.cross_entropy(-torch.cdist(qs, protos) ** 2, torch.arange(n_way).repeat_interleave(n_q)))
ok("idl_fewshot__loss.py", "loss_fn", "none (hard NLL over -squared distances)")

# FixMatch: the given criterion against the argmax pseudo-labels (hard), masked by confidence.
print("skip pred_guide__fixmatch.py do_fixmatch: needs CUDA; by reading: criterion_pseudo(pred_strong, argmax(pred_weak)), hard pseudo-labels")

# BERT head: nn.CrossEntropyLoss() on the [CLS] logits against the given labels.
print("skip bert_relation__model.py BERT_Classifier: needs a pretrained BERT; by reading: nn.CrossEntropyLoss() hard labels")
