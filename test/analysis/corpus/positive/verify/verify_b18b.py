#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b18b's positive files (long-tail spellings: in-place and NumPy target
builders, a Dataset and a collate_fn that smooth, loops over the batch, list comprehensions, torch.where, scatter_add_,
logsumexp / exp-sum-log log-softmax, kl_div with log_target, closures, a lambda and a config dict).

Run with Debian's interpreter:  /usr/bin/python3 verify_b18b.py
Definitions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F / np. Each check
compares the code with cross-entropy (or KL / BCE) against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import math
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
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, **extra)
    nodes = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Assign)) and
             (getattr(n, "name", None) in names or isinstance(n, ast.Assign))]
    for node in nodes:
        try:
            exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
        except Exception:
            if getattr(node, "name", None) in names:
                raise
    assert all(n in ns for n in names), (fname, names)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


def soft_ce(logp, q, dim=-1):
    return -(q * logp).sum(dim)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
lsm = F.log_softmax(x, -1)
ce_uniform = nn.CrossEntropyLoss(label_smoothing=EPS)(x, y)

f = "shufangxun_code__label_smoothing.py"
ns = extract(f, ["smooth_labels", "SmoothCE", "FocalSmoothCE"])
close(ns["smooth_labels"](onehot, EPS), uniform)
ok(f, "smooth_labels", "== (1-e) onehot + e/K")
close(ns["SmoothCE"](EPS)(x, y), ce_uniform, tol=1e-6)
ok(f, "SmoothCE", "== CE(label_smoothing=e) (its one-hot is float32)")
g = 2.0
close(ns["FocalSmoothCE"](K, g, EPS)(x, y), soft_ce(lsm, uniform * (1 - lsm.exp()) ** g).mean())
close(ns["FocalSmoothCE"](K, 0.0, EPS)(x, y), ce_uniform)
ok(f, "FocalSmoothCE", "== focal-weighted CE against the uniform target (gamma=0: CE(label_smoothing=e))")

f = "keras_bag_of_tricks__smooth_dataset.py"
ns = extract(f, ["smooth_targets_np", "SmoothedLabels", "soft_xent"], Dataset=object)
close(torch.from_numpy(ns["smooth_targets_np"](y.numpy(), K, EPS).astype(np.float64)), uniform, tol=1e-7)
ok(f, "smooth_targets_np", "== (1-e) onehot + e/K (float32 NumPy)")
ds = ns["SmoothedLabels"](np.zeros((N, 2)), y.numpy(), K, EPS)
rows = torch.stack([ds[i][1].double() for i in range(N)])
close(rows, uniform, tol=1e-7)
ok(f, "SmoothedLabels", "__getitem__ rows == (1-e) onehot + e/K")
close(ns["soft_xent"](x, uniform), ce_uniform)
q = torch.softmax(torch.randn(N, K), -1)
close(ns["soft_xent"](x, q), soft_ce(lsm, q).mean())
ok(f, "soft_xent", "== CE against the given soft target")

f = "dl_summary__crossentropy.py"
ns = extract(f, ["manual_cross_entropy", "smoothed_ce", "bootstrap_soft_ce"])
close(ns["manual_cross_entropy"](x, y), F.cross_entropy(x, y))
ok(f, "manual_cross_entropy", "== CE")
close(ns["smoothed_ce"](x, y, EPS), ce_uniform)
ok(f, "smoothed_ce", "== CE(label_smoothing=e)")
b = 0.8
close(ns["bootstrap_soft_ce"](x, y, b), soft_ce(lsm, b * onehot + (1 - b) * lsm.exp()).mean())
ok(f, "bootstrap_soft_ce", "== CE against b onehot + (1-b) p (soft bootstrapping)")

f = "stars__kd_loss.py"
ns = extract(f, ["loss_kld", "distill_loss"])
t = torch.randn(N, K)
pt = torch.softmax(t, 1)
close(ns["loss_kld"](x, t), (pt * (pt.log() - lsm)).sum() / N)
ok(f, "loss_kld", "== KL(softmax(t) || softmax(x)) batchmean")
T, a = 4.0, 0.7
pT = torch.softmax(t / T, 1)
kd = (pT * (pT.log() - F.log_softmax(x / T, 1))).sum() / N * T * T
close(ns["distill_loss"](x, t, y, T, a), a * kd + (1 - a) * F.cross_entropy(x, y))
ok(f, "distill_loss", "== a T^2 KL(teacher/T || student/T) + (1-a) CE")

f = "stars__collate.py"
ns = extract(f, ["smooth_collate", "soft_target_loss"])
batch = [(torch.zeros(3), int(v)) for v in y]
xs, tt = ns["smooth_collate"](batch, K, EPS)
close(tt, k_minus_1)
ok(f, "smooth_collate", "targets == 1-e at the label, e/(K-1) elsewhere")
close(ns["soft_target_loss"](x, q), soft_ce(lsm, q).mean())
ok(f, "soft_target_loss", "== CE against the given soft target")

f = "action_perception__kl_log_target.py"
ns = extract(f, ["smoothed_kl", "KLSmoothing"])
kl_uniform = (uniform * (uniform.log() - lsm)).sum() / N
close(ns["smoothed_kl"](x, y, EPS), kl_uniform)
close(ns["smoothed_kl"](x, y, EPS) - (uniform * uniform.log()).sum() / N, ce_uniform)
ok(f, "smoothed_kl", "== KL(uniform-smoothed || p) batchmean (== CE(label_smoothing=e) minus the target entropy)")
close(ns["KLSmoothing"](K, EPS)(x, y), kl_uniform)
ok(f, "KLSmoothing", "== KL(uniform-smoothed || p) batchmean")

f = "dogid__label_smoothing.py"
ns = extract(f, ["LabelSmoothingLoss"])
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), soft_ce(lsm, k_minus_1).mean())
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), nn.CrossEntropyLoss(label_smoothing=EPS * K / (K - 1))(x, y))
ok(f, "LabelSmoothingLoss", "== CE against the e/(K-1) target (== CE(label_smoothing=e K/(K-1)))")

f = "storyteller__seq_smoothing.py"
ns = extract(f, ["SeqLabelSmoothing"])
B, Tn, V, PAD = 3, 4, 8, 0
logits = torch.randn(B, Tn, V)
tgt = torch.randint(1, V, (B, Tn))
tgt[0, 3] = PAD
tgt[2, 2:] = PAD
flat, lp = tgt.reshape(-1), F.log_softmax(logits, -1).view(-1, V)
td = torch.full_like(lp, EPS / (V - 2))
td[torch.arange(len(flat)), flat] = 1 - EPS
td[:, PAD] = 0
td[flat == PAD] = 0
kept = (flat != PAD).sum()
want = (td * (td.clamp_min(1e-300).log() - lp)).where(td > 0, torch.zeros(())).sum() / kept
close(ns["SeqLabelSmoothing"](V, PAD, EPS)(logits, tgt), want)
ok(f, "SeqLabelSmoothing", "== KL against 1-e / e/(V-2) with the pad column and pad rows zeroed, per token")

f = "tfg__list_smoothing.py"
ns = extract(f, ["ListSmoothCE", "make_smoothed_loss"])
close(ns["ListSmoothCE"](EPS)(x, y), soft_ce(lsm, k_minus_1).mean())
ok(f, "ListSmoothCE", "== CE against the e/(K-1) target")
close(ns["make_smoothed_loss"](EPS)(x, y), ce_uniform)
ok(f, "make_smoothed_loss", "closure == CE(label_smoothing=e)")

f = "ccuml__loop_smoothing.py"
ns = extract(f, ["LoopLabelSmoothing", "FocalLoss"])
close(ns["LoopLabelSmoothing"](K, EPS)(x, y), soft_ce(lsm, k_minus_1).mean())
ok(f, "LoopLabelSmoothing", "== CE against the e/(K-1) target")
close(ns["FocalLoss"](0.0)(x, y), F.cross_entropy(x, y))
pt_ = lsm.gather(1, y[:, None]).squeeze(1).exp()
close(ns["FocalLoss"](2.0)(x, y), (-(1 - pt_) ** 2 * pt_.log()).mean())
ok(f, "FocalLoss", "== focal on the hard target (gamma=0: plain CE)")

f = "kyubyong_ls__noisy_binary.py"
ns = extract(f, ["NoisyBinaryLoss", "OneSidedSmoothing"])
z = torch.randn(N, 3)
yb = torch.randint(0, 2, (N, 3)).double()
s = 0.05
close(ns["NoisyBinaryLoss"](s)(z, yb), F.binary_cross_entropy_with_logits(z, yb * (1 - 2 * s) + 2 * s / 2), tol=1e-6)  # its labels are float32
ok(f, "NoisyBinaryLoss", "== BCE-with-logits against t(1-a) + a/2 with a = 2s")
pz = torch.sigmoid(z)
close(ns["OneSidedSmoothing"](s)(pz.float(), yb), F.binary_cross_entropy(pz, yb * (1 - s)), tol=1e-6)  # float32, as it casts its labels
assert not torch.allclose(yb * (1 - s), yb * (1 - s) + s / 2)
ok(f, "OneSidedSmoothing", "== BCE against t(1-s): zeros stay 0, not the binary t(1-a)+a/2")

f = "pytorch_tutorial_oguz__softmax_ce.py"
ns = extract(f, ["ce_smooth_manual"])
close(ns["ce_smooth_manual"](x, y, EPS), ce_uniform)
ok(f, "ce_smooth_manual", "== CE(label_smoothing=e)")

f = "ner_ayush__token_loss.py"
ns = extract(f, ["TokenClassifierLoss", "masked_smoothed_nll"])
logits = torch.randn(3, 5, K)
tags = torch.randint(0, K, (3, 5))
tags[1, 3:] = -100
keep = tags != -100
lp = F.log_softmax(logits, -1)[keep]
oh = F.one_hot(tags[keep], K).double()
close(ns["TokenClassifierLoss"](EPS)(logits, tags), soft_ce(lp, oh * (1 - EPS) + EPS / K).mean())
ok(f, "TokenClassifierLoss", "== CE against the uniform target over the kept tokens")
mask = keep.double()
safe = tags.clamp_min(0)
got = ns["masked_smoothed_nll"](F.log_softmax(logits, -1), safe, mask, EPS)
close(got, soft_ce(lp, oh * (1 - EPS) + EPS / K).mean())
ok(f, "masked_smoothed_nll", "== CE against the uniform target over the masked tokens")

f = "pytorch_tutorial_behnam__criterion_cfg.py"
src = open(os.path.join(CORPUS, f)).read()
cfg = {}
exec(src.split("# Batch of size")[0], cfg)
close(cfg["criterion"](x, y), nn.CrossEntropyLoss(label_smoothing=0.1)(x, y))
close(cfg["loss_fn"](x, y), soft_ce(lsm, onehot * 0.95 + 0.05 / K).mean())
close(cfg["eval_criterion"](x, y), F.cross_entropy(x, y))
ok(f, "CrossEntropyLoss / cross_entropy", "config-dict CE: e=0.1 uniform; lambda: e=0.05 uniform; eval: plain CE")
