#!/usr/bin/env python3
"""Numerical checks (float64) of the blind-round positive files (smoothing, bootstrapping).

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check compares the loss with cross-entropy against the target its label names. Prints "ok <file> <symbol>".
LSTrainer.compute_loss is labelled from transformers' LabelSmoother (not installed here), so it is not run.
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


def extract(fname, names):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Module=nn.Module)
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
    return -(q * F.log_softmax(logits, -1)).sum(-1).mean()


def entropy(q):
    return -(q * torch.log(q.clamp_min(1e-300))).sum(-1)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)

ns = extract("snn_gcn__losses.py", ["LabelSmoothingCE"])
close(ns["LabelSmoothingCE"](EPS)(x, y), soft_ce(x, k_minus_1))
ok("snn_gcn__losses.py", "LabelSmoothingCE", "== CE against (1-e) onehot + e/(K-1)")

ns = extract("cvdl_library__label_smoothing.py", ["label_smoothing_loss"])
close(ns["label_smoothing_loss"](x, y, EPS), soft_ce(x, k_minus_1))
ok("cvdl_library__label_smoothing.py", "label_smoothing_loss", "== CE against (1-e) onehot + e/(K-1)")

ns = extract("soft_label_ra__train_utils.py", ["soft_loss"])
conf = torch.full((N,), 1 - EPS)
got = ns["soft_loss"](x.float(), y, conf)  # the function casts confidence with .float(): run it in float32
close(got, (soft_ce(x, k_minus_1) - entropy(k_minus_1).mean()), tol=1e-5)
ok("soft_label_ra__train_utils.py", "soft_loss", "== KL to (1-e) onehot + e/(K-1), e = 1 - confidence")

ns = extract("vit_seoyoungdeok__loss.py", ["cross_entropy"])
uniform = onehot * (1 - 0.1) + 0.1 / K
close(ns["cross_entropy"](x, y), soft_ce(x, uniform))
ok("vit_seoyoungdeok__loss.py", "cross_entropy", "== CE against 0.9 onehot + 0.1/K")

# Dialog: x are log-probs; pad column and pad rows zeroed; K - 2 convention.
ns = extract("dialog__label_smoothing.py", ["LabelSmoothing"])
PAD = 0
t = y.clone()
t[1] = PAD
logp = F.log_softmax(x, -1)
q = torch.full((N, K), EPS / (K - 2))
q.scatter_(1, t.unsqueeze(1), 1 - EPS)
q[:, PAD] = 0
q[t == PAD] = 0
want = (q * (torch.log(q.clamp_min(1e-300)) - logp)).sum()
close(ns["LabelSmoothing"](K, PAD, EPS)(logp, t), want)
close(q[t != PAD].sum(-1), torch.ones(int((t != PAD).sum())))
ok("dialog__label_smoothing.py", "LabelSmoothing", "== KL(sum) to e/(K-2) over non-pad classes, pad rows dropped")

# Bootstrapping: CE against beta onehot + (1 - beta) p (soft) / onehot(argmax p) (hard).
BETA = 0.8
p = F.softmax(x, -1)
soft_target = BETA * onehot + (1 - BETA) * p
hard_target = BETA * onehot + (1 - BETA) * F.one_hot(p.argmax(-1), K).double()
ns = extract("deepnoise__bootstrap.py", ["SoftBootstrappingLoss", "HardBootstrappingLoss"])
close(ns["SoftBootstrappingLoss"](BETA)(x, y), soft_ce(x, soft_target))
ok("deepnoise__bootstrap.py", "SoftBootstrappingLoss", "== CE against beta onehot + (1-beta) softmax")
close(ns["HardBootstrappingLoss"](BETA)(x, y), soft_ce(x, hard_target))
ok("deepnoise__bootstrap.py", "HardBootstrappingLoss", "== CE against beta onehot + (1-beta) onehot(argmax)")

ns = extract("quickdraw__soft_bootstraping_loss.py", ["SoftBootstrapingLoss"])
close(ns["SoftBootstrapingLoss"](BETA)(x, onehot), soft_ce(x, soft_target))
ok("quickdraw__soft_bootstraping_loss.py", "SoftBootstrapingLoss", "== CE against beta onehot + (1-beta) softmax")

ns = extract("quickdraw__hard_bootstraping_loss.py", ["HardBootstrapingLoss"])
close(ns["HardBootstrapingLoss"](BETA)(x, y), soft_ce(x, hard_target))
ok("quickdraw__hard_bootstraping_loss.py", "HardBootstrapingLoss", "== CE against beta onehot + (1-beta) onehot(argmax)")

# Vesuvius: y (1 - e) + e/2 into BCE with logits: positives 1 - e/2, negatives e/2.
ns = extract("vesuvius__bce_with_logits_with_label_smoothing.py", ["BCEWithLogitsLossWithLabelSmoothing"])
z = torch.randn(2, 1, 3, 3)
t = torch.randint(0, 2, z.shape).double()
binary = torch.where(t == 1, torch.tensor(1 - EPS / 2), torch.tensor(EPS / 2))
close(ns["BCEWithLogitsLossWithLabelSmoothing"](EPS)(z, t), F.binary_cross_entropy_with_logits(z, binary))
ok("vesuvius__bce_with_logits_with_label_smoothing.py", "BCEWithLogitsLossWithLabelSmoothing", "== BCE against 1-e/2 / e/2")
