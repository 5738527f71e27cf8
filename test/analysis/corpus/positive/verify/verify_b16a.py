#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16a's positive files (MT, ASR, captioning, QG, text classification).

Run with Debian's interpreter:  /usr/bin/python3 verify_b16a.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check compares the loss with cross-entropy against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Variable=Variable, np=np, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        node.decorator_list = [d for d in node.decorator_list if not isinstance(d, ast.Call)]
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


def soft_ce(logits, q, dim=-1):
    return -(q * F.log_softmax(logits, dim)).sum(dim)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(1, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
eps_over_k_off = onehot * (1 - EPS) + (1 - onehot) * EPS / K  # 1-e at the label, e/K elsewhere: sums to 1 - e/K

# --- bert4torch: focal (hard), uniform smoothing.
f = "bert4torch__losses.py"
ns = extract(f, ["FocalLoss", "LabelSmoothingCrossEntropy", "RDropLoss"])
lp = F.log_softmax(x, 1)
close(ns["FocalLoss"](gamma=2)(x, y), (-(1 - lp.exp()) ** 2 * lp).gather(1, y[:, None]).mean())
ok(f, "FocalLoss", "== mean of -(1-p_y)^2 log p_y (hard labels)")
close(ns["LabelSmoothingCrossEntropy"](eps=EPS)(x, y), soft_ce(x, uniform).mean())
close(ns["LabelSmoothingCrossEntropy"](eps=EPS)(x, y), nn.CrossEntropyLoss(label_smoothing=EPS)(x, y))
ok(f, "LabelSmoothingCrossEntropy", "== CE against (1-e) onehot + e/K")
x2 = torch.randn(N, K)
rd = ns["RDropLoss"](alpha=4)(x, x2, y)
kl = F.kl_div(F.log_softmax(x, -1), F.softmax(x2, -1), reduction="none") + F.kl_div(F.log_softmax(x2, -1), F.softmax(x, -1), reduction="none")
close(rd, (F.cross_entropy(x, y) + F.cross_entropy(x2, y)) / 2 + kl.mean() / 4 * 4)
ok(f, "RDropLoss", "== hard CE + symmetric KL between two passes (no smoothed labels)")

# --- captioning: masked NLL; KL against e/(K-1) smoothing, masked mean.
f = "captioning_luo__losses.py"
ns = extract(f, ["LanguageModelCriterion", "LabelSmoothing"])
B, L = 3, 4
lp3 = F.log_softmax(torch.randn(B, L, K), -1)
t3 = torch.randint(1, K, (B, L))
m3 = torch.tensor([[1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1]]).double()
nll = -lp3.gather(2, t3[..., None]).squeeze(2)
close(ns["LanguageModelCriterion"]()(lp3, t3, m3), (nll * m3).sum() / m3.sum())
ok(f, "LanguageModelCriterion", "== masked mean NLL (hard)")
q = F.one_hot(t3, K).double() * (1 - EPS) + (1 - F.one_hot(t3, K).double()) * EPS / (K - 1)
kl_rows = (q * (q.log() - lp3)).sum(-1)
close(ns["LabelSmoothing"](smoothing=EPS)(lp3, t3, m3), (kl_rows * m3).sum() / m3.sum())
ok(f, "LabelSmoothing", "== masked mean KL against (1-e) onehot + e/(K-1)")

# --- end2end-asr: smoothing path targets 1-e / e/K, mean over non-pad tokens; calculate_metrics delegates.
f = "e2e_asr_gentaiscool__metrics.py"
constant = types.SimpleNamespace(PAD_TOKEN=0)
ns = extract(f, ["calculate_loss", "calculate_metrics"], constant=constant)
pred = torch.randn(B, L, K)
gold = torch.randint(1, K, (B, L))
gold[0, 3] = 0
gold[1, 2:] = 0
flat, g = pred.view(-1, K), gold.view(-1)
keep = g != 0
q = F.one_hot(g * keep, K).double()
q = q * (1 - EPS) + (1 - q) * EPS / K
want = soft_ce(flat, q)[keep].sum() / keep.sum()
close(ns["calculate_loss"](pred, gold, smoothing=EPS), want)
close(ns["calculate_metrics"](pred, gold, smoothing=EPS)[0], want)
ok(f, "calculate_loss", "== CE against 1-e at the label, e/K elsewhere (sums to 1-e/K), non-pad mean")
close(ns["calculate_loss"](pred, gold), F.cross_entropy(flat, g, ignore_index=0))
ok(f, "calculate_loss", "smoothing=0 (the default): plain CE")

# --- Pytorch-NLU: V2 (1-e / e/K), prior soft margin and the 'smoothed' BCE that only rescales (no smoothing).
f = "pytorch_nlu__tc_layer.py"
ns = extract(f, ["LabelSmoothingCrossEntropyV2", "LabelSmoothingCrossEntropy", "PriorMultiLabelSoftMarginLoss", "FocalLoss"])
yi = y.clone()
yi[2] = -100
keep = yi != -100
q = F.one_hot(yi.clamp_min(0), K).double()
q = q * (1 - EPS) + (1 - q) * EPS / K
# forward casts the logits to float32 (`logits.float()`), hence the float32 tolerance
close(ns["LabelSmoothingCrossEntropyV2"](lb_smooth=EPS)(x, yi), soft_ce(x.float().double(), q)[keep].sum() / keep.sum(), tol=1e-6)
ok(f, "LabelSmoothingCrossEntropyV2", "== CE against 1-e at the label, e/K elsewhere, over valid rows (float32)")
t01 = torch.randint(0, 2, (N, K)).double()
z = x.clone().requires_grad_(True)
got = ns["LabelSmoothingCrossEntropy"](eps=EPS)(z, t01)
bce = F.binary_cross_entropy_with_logits(x, t01)
close(got, (1 - EPS) * bce + EPS / (K - 1))
(g_got,) = torch.autograd.grad(got, z)
z2 = x.clone().requires_grad_(True)
(g_bce,) = torch.autograd.grad((1 - EPS) * F.binary_cross_entropy_with_logits(z2, t01), z2)
close(g_got, g_bce)
ok(f, "LabelSmoothingCrossEntropy", "== (1-e) BCE(hard labels) + constant e/(K-1): same gradient as scaled BCE, no smoothing")
prior = [0.4, 0.2, 0.1, 0.1, 0.1, 0.1]
got = ns["PriorMultiLabelSoftMarginLoss"](prior=prior)(x, t01)
close(got, nn.MultiLabelSoftMarginLoss()(x + torch.log(torch.tensor(prior) + 1e-9), t01))
ok(f, "PriorMultiLabelSoftMarginLoss", "== MultiLabelSoftMarginLoss(logits + log prior, given labels)")
p = torch.sigmoid(x)
fl = -(t01 * 0.5 * F.logsigmoid(x) + (1 - t01) * 0.5 * F.logsigmoid(-x)) * (t01 - p).abs() ** 2
close(ns["FocalLoss"]()(x, t01), fl.mean())
ok(f, "FocalLoss", "== sigmoid focal loss on the given 0/1 labels")

# --- easy-bert: uniform with ignore_index in both terms.
f = "easy_bert__label_smoothing_loss.py"
ns = extract(f, ["LabelSmoothingCrossEntropy"])
close(ns["LabelSmoothingCrossEntropy"](alpha=EPS)(x, yi), nn.CrossEntropyLoss(label_smoothing=EPS, ignore_index=-100)(x, yi))
ok(f, "LabelSmoothingCrossEntropy", "== nn.CrossEntropyLoss(label_smoothing=e, ignore_index=-100)")

# --- HW05 criterion, chaos fairseq plugin, QG utils: old fairseq form e/K, summed, pad rows 0.
lpk = F.log_softmax(x, -1)
yp = y.clone()
yp[1] = 0
keep = yp != 0
want_sum = soft_ce(x, uniform)
q = F.one_hot(yp, K).double() * (1 - EPS) + EPS / K
want_pad = soft_ce(x, q)[keep].sum()
f = "ml2022_hw05__label_smoothing_cross_entropy.py"
ns = extract(f, ["LabelSmoothedCrossEntropyCriterion"])
close(ns["LabelSmoothedCrossEntropyCriterion"](EPS, ignore_index=0)(lpk, yp), want_pad)
ok(f, "LabelSmoothedCrossEntropyCriterion", "== summed CE against (1-e) onehot + e/K, pad rows 0")
f = "chaos_nmt__label_smoothing.py"
ns = extract(f, ["label_smoothed_nll_loss"])
close(ns["label_smoothed_nll_loss"](lpk, yp, EPS, ignore_index=0)[0], want_pad)
ok(f, "label_smoothed_nll_loss", "== summed CE against (1-e) onehot + e/K, pad rows 0")
f = "question_generation__utils.py"
ns = extract(f, ["label_smoothed_nll_loss"])
close(ns["label_smoothed_nll_loss"](lpk, y, EPS)[0], want_sum.sum())
ok(f, "label_smoothed_nll_loss", "== summed CE against (1-e) onehot + e/K")

# --- itm990 MyNLLLoss: log-prob input, e/K, mean over non-ignored.
f = "itm990_transformer__my_nll_loss.py"
ns = extract(f, ["MyNLLLoss"])
close(ns["MyNLLLoss"](smooth_weight=EPS, ignore_index=0)(lpk, yp), want_sum[keep].mean())
ok(f, "MyNLLLoss", "== CE against (1-e) onehot + e/K over non-ignored rows")

# --- Transformer-MT: e/(K-2), pad column and pad rows 0.
f = "transformer_mt_htrvu__loss.py"
ns = extract(f, ["LabelSmoothingLoss"])
q = torch.full((N, K), EPS / (K - 2))
q.scatter_(1, yp[:, None], 1 - EPS)
q[:, 0] = 0
q[yp == 0] = 0
close(ns["LabelSmoothingLoss"](K, 0, EPS)(x, yp), soft_ce(x, q).mean())
ok(f, "LabelSmoothingLoss", "== mean of CE against e/(K-2), pad column and rows 0")

# --- Amphion (wenet copy): KL against e/(K-1), ignored rows 0, / batch size.
f = "amphion__label_smoothing_loss.py"
ns = extract(f, ["LabelSmoothingLoss"])
x3 = torch.randn(B, L, K)
t3p = t3.clone()
t3p[0, 3] = -1
flat, tt = x3.view(-1, K), t3p.view(-1)
keep = tt != -1
q = F.one_hot(tt.clamp_min(0), K).double() * (1 - EPS) + (1 - F.one_hot(tt.clamp_min(0), K).double()) * EPS / (K - 1)
kl_rows = (q * (q.log() - F.log_softmax(flat, 1))).sum(-1)
close(ns["LabelSmoothingLoss"](K, -1, EPS)(x3, t3p), kl_rows[keep].sum() / B)
ok(f, "LabelSmoothingLoss", "== KL against (1-e) onehot + e/(K-1), ignored rows 0, / batch")

# --- ShuHe NMT: time-major, scatter on -1: 1-e at the label and e/(K-2) on ALL K-1 others (pad column too).
f = "shuhe_nmt__label_smoothing.py"
ns = extract(f, ["LabelSmoothing"])
lpt = F.log_softmax(torch.randn(L, B, K), -1)
tgt = torch.randint(1, K, (L, B))
tgt[3, 0] = 0
q = torch.full((L, B, K), EPS / (K - 2))
q.scatter_(-1, tgt[..., None], 1 - EPS)
q = q * (tgt != 0).double()[..., None]
assert not torch.allclose(q[0, 0].sum(), torch.tensor(1.0))  # the target does not sum to 1
kl = torch.where(q > 0, q * (q.clamp_min(1e-300).log() - lpt), torch.zeros_like(q)).sum()
close(ns["LabelSmoothing"](K, 0, EPS)(lpt, tgt), kl)
ok(f, "LabelSmoothing", "== KL(sum) against 1-e / e/(K-2) on every other class (pad column not zeroed): sums to 1-e+e(K-1)/(K-2)")

# --- BRIO: class axis 1 transposed to 2, uniform via an arange==target mask, mean over the non-ignored tokens.
f = "brio__label_smoothing_loss.py"
ns = extract(f, ["label_smoothing_loss"])
inp = torch.randn(B, K, L)
tb = torch.randint(1, K, (B, L))
tb[1, 3] = 0
q = F.one_hot(tb, K).double() * (1 - EPS) + EPS / K
row = soft_ce(inp.transpose(1, 2), q)
m = (tb != 0).double()
close(ns["label_smoothing_loss"](0, EPS)(inp, tb), (row * m).sum() / m.sum())
ok(f, "label_smoothing_loss", "== CE against (1-e) onehot + e/K over the (B, K, T) class axis, masked")
