#!/usr/bin/env python3
"""Numerical checks (float64) of the second blind round's positive files (MT / CTC / point-cloud / medical / detection).

Run with Debian's interpreter:  /usr/bin/python3 verify_blind15b.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check compares the loss with cross-entropy (or BCE) against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os
import typing

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
from torch.nn.modules.loss import _Loss

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Variable=Variable, _Loss=_Loss, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
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


def soft_ce(logits, q):
    return -(q * F.log_softmax(logits, -1)).sum(-1)


def entropy(q):
    return -(q * torch.log(q.clamp_min(1e-300))).sum(-1)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(1, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)

# MT: KL(sum) against fill e/(K-2), 1-e at the target, 0 in the padding column and on padding rows.
PAD = 0
yp = y.clone()
yp[2] = PAD
ns = extract("transformer_translate_nlp__label_smoothing.py", ["LabelSmoothing"])
lp = F.log_softmax(x, -1)
q = torch.full((N, K), EPS / (K - 2))
q.scatter_(1, yp[:, None], 1 - EPS)
q[:, PAD] = 0
q[yp == PAD] = 0
keep = yp != PAD
close(ns["LabelSmoothing"](K, PAD, EPS)(lp, yp), (soft_ce(x, q) - entropy(q))[keep].sum())
ok("transformer_translate_nlp__label_smoothing.py", "LabelSmoothing", "== KL against e/(K-2), pad column and rows 0")

# CTC + w KL(u || p) per frame: the KL term is -(1/K) sum_k log p_k - log K, the uniform-smoothing term.
T, B, C, W = 9, 3, 5, 0.1
lpt = F.log_softmax(torch.randn(T, B, C), -1)
tg = torch.randint(1, C, (B, 3))
il, tl = torch.full((B,), T, dtype=torch.long), torch.full((B,), 3, dtype=torch.long)
ns = extract("curriculum_dti__label_smoothing.py", ["SmoothCTCLoss"])
ctc = F.ctc_loss(lpt, tg, il, tl, reduction="mean", zero_infinity=True)
kl = (-(lpt.mean(-1)) - torch.log(torch.tensor(float(C)))).sum(0).mean()  # batchmean over dim 0 of (B, T, C)
close(ns["SmoothCTCLoss"](C, weight=W)(lpt, tg, il, tl), (1 - W) * ctc + W * kl)
ok("curriculum_dti__label_smoothing.py", "SmoothCTCLoss", "== (1-w) CTC + w (mean_k -log p_k - log K)")

ns = extract("pointnetlite__dgcnn_loss.py", ["DGCNNClsLoss"])
close(ns["DGCNNClsLoss"](eps=EPS)(x, y), soft_ce(x, k_minus_1).mean())
ok("pointnetlite__dgcnn_loss.py", "DGCNNClsLoss", "== CE against (1-e) onehot + e/(K-1)")

ns = extract("visionsuite__default.py", ["cross_entropy"])
close(ns["cross_entropy"]({"label_smoothing": EPS})(x, y), soft_ce(x, uniform).mean())
ok("visionsuite__default.py", "cross_entropy", "== CE against (1-e) onehot + e/K")

ns = extract("dpsat__label_smoothing.py", ["LabelSmoothingCrossEntropy"])
close(ns["LabelSmoothingCrossEntropy"](EPS)(x, y), soft_ce(x, uniform).mean())
ok("dpsat__label_smoothing.py", "LabelSmoothingCrossEntropy", "== CE against (1-e) onehot + e/K")

# InnerEye: the base class smooths the one-hot target to e/(K-1) (K from dim 1 when the target has > 2 dims)
# and hands it to forward_minibatch; the BCE subclass (binary) gets y (1-e) + (1-y) e.
ns = extract("innereye__supervised_criterion.py", ["SupervisedLearningCriterion", "BinaryCrossEntropyWithLogitsLoss"],
             abc=__import__("abc"), Any=object, Optional=typing.Optional, Dict=typing.Dict, T=torch.Tensor,
             PackedSequence=type("P", (), {}), BCEWithLogitsLoss=nn.BCEWithLogitsLoss,
             custom_fwd=lambda **k: (lambda f: f))
Base = ns["SupervisedLearningCriterion"]


class SoftCE(Base):
    def forward_minibatch(self, output, target, **kwargs):
        return (-(F.log_softmax(output, 1) * target).sum(1)).mean()


x3, oh3 = x.view(N, K, 1), onehot.view(N, K, 1)
close(SoftCE(EPS)(x3, oh3), soft_ce(x, k_minus_1).mean())
ok("innereye__supervised_criterion.py", "SupervisedLearningCriterion", "hands forward_minibatch (1-e) onehot + e/(K-1)")
z, t = torch.randn(N, 3), torch.randint(0, 2, (N, 3)).double()
close(ns["BinaryCrossEntropyWithLogitsLoss"](smoothing_eps=EPS)(z, t),
      F.binary_cross_entropy_with_logits(z, t * (1 - EPS) + (1 - t) * EPS))
ok("innereye__supervised_criterion.py", "BinaryCrossEntropyWithLogitsLoss", "== BCE against 1-e / e")

ns = extract("netspresso__common.py", ["CrossEntropyLoss", "SigmoidFocalLoss"], Dict=typing.Dict, Optional=typing.Optional, Tensor=torch.Tensor)
close(ns["CrossEntropyLoss"](label_smoothing=EPS)({"pred": x}, {"target": y}), soft_ce(x, uniform).mean())
ok("netspresso__common.py", "CrossEntropyLoss", "== CE against (1-e) onehot + e/K")
pz = torch.sigmoid(z)
pt = pz * t + (1 - pz) * (1 - t)
focal = F.binary_cross_entropy_with_logits(z, t, reduction="none") * (1 - pt) ** 2 * (0.25 * t + 0.75 * (1 - t))
close(ns["SigmoidFocalLoss"](0.25, 2.0)({"pred": z}, {"target": t}), focal.mean())
ok("netspresso__common.py", "SigmoidFocalLoss", "== sigmoid focal loss against the given 0/1 targets")
