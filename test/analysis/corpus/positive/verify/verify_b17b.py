#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17b's positive files (noisy labels, long tail, SSL, distillation).

Run with Debian's interpreter:  /usr/bin/python3 verify_b17b.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F.
Each check compares the loss with a cross-entropy against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, ns=None, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = ns if ns is not None else {}
    ns.update(dict(torch=torch, nn=nn, F=F, np=np, Tensor=torch.Tensor, math=__import__("math"), **extra))
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


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
p = F.softmax(x, 1)
p_y = p.gather(1, y[:, None]).squeeze(1)

# --- BagofTricks-LT: the base class first, then its subclasses in the same namespace.
counts = [50, 30, 20, 10, 5, 2]


def cfg_with(**loss):
    return types.SimpleNamespace(
        TRAIN=types.SimpleNamespace(TWO_STAGE=types.SimpleNamespace(DRW=False, START_EPOCH=1)),
        LOSS=types.SimpleNamespace(**{k: types.SimpleNamespace(**v) for k, v in loss.items()}),
    )


def para(**loss):
    return {"num_classes": K, "num_class_list": counts, "device": "cpu", "cfg": cfg_with(**loss)}


base = extract("bagoftricks_lt__loss_base.py", ["CrossEntropy"])
f = "bagoftricks_lt__loss_base.py"
close(base["CrossEntropy"](para())(x, y), F.cross_entropy(x, y))
ok(f, "CrossEntropy", "== F.cross_entropy (weights None before update)")

f = "bagoftricks_lt__cross_entropy_label_smooth_loss.py"
ns = extract(f, ["CrossEntropyLabelSmooth"], dict(base))
torch.set_default_dtype(torch.float64)
close(ns["CrossEntropyLabelSmooth"](para(CrossEntropyLabelSmooth={"EPSILON": EPS}))(x, y), nn.CrossEntropyLoss(label_smoothing=EPS)(x, y))
ok(f, "CrossEntropyLabelSmooth", "== nn.CrossEntropyLoss(label_smoothing=e): (1-e) onehot + e/K")

f = "bagoftricks_lt__cross_entropy_label_aware_smooth_loss.py"
ns = extract(f, ["CrossEntropyLabelAwareSmooth"], dict(base))
m = ns["CrossEntropyLabelAwareSmooth"](para(CrossEntropyLabelAwareSmooth={"SMOOTH_HEAD": 0.4, "SMOOTH_TAIL": 0.1, "SHAPE": "linear"}))
m.smooth = m.smooth.double()
eps_y = m.smooth[y][:, None]
close(m(x, y), soft_ce(x, onehot * (1 - eps_y) + eps_y / K).mean())
ok(f, "CrossEntropyLabelAwareSmooth", "== CE against (1-e_y) onehot + e_y/K, e_y per class")

f = "bagoftricks_lt__class_dependent_temperatures_loss.py"
ns = extract(f, ["CDT"], dict(base))
m = ns["CDT"](para(CDT={"GAMMA": 0.3}))
m.update(1)
m.weight_list = m.weight_list.double()  # a FloatTensor in the original
a = torch.tensor([(max(counts) / n) ** 0.3 for n in counts])
close(m(x, y), F.cross_entropy(x / a, y), tol=1e-6)  # the weights were float32 before the cast
ok(f, "CDT", "== CE(logits / a_c, hard labels)")

f = "bagoftricks_lt__kld_loss.py"
ns = extract(f, ["DiVEKLD"], dict(base))
ns["CrossEntropy"] = base["CrossEntropy"]
xt = torch.randn(N, K)
m = ns["DiVEKLD"](para(DiVEKLD={"POWER": 0.5, "POWER_NORM": True, "TEMPERATURE": 3.0, "ALPHA": 0.7, "BASELOSS": "CrossEntropy"}))
q = F.softmax(xt / 3, 1) ** 0.5
q = q / q.sum(1, keepdim=True)
kl = (q * (q.log() - F.log_softmax(x / 3, 1))).sum(1).mean() * 9
close(m(x, xt, y), 0.7 * kl + 0.3 * F.cross_entropy(x, y))
ok(f, "DiVEKLD", "== a T^2 KL(teacher^power normalised || student) + (1-a) CE: soft target")

f = "bagoftricks_lt__class_balanced_loss.py"
ns = extract(f, ["ClassBalanceCE", "ClassBalanceFocal"], dict(base), get_one_hot=lambda t, k: F.one_hot(t, k).double())
m = ns["ClassBalanceCE"](para(ClassBalanceCE={"BETA": 0.99}))
m.update(1)
m.weight_list = m.weight_list.double()  # a FloatTensor in the original
w = np.array([(1 - 0.99) / (1 - 0.99 ** n) for n in counts])
w = torch.tensor(w / w.sum() * K)
close(m(x, y), F.cross_entropy(x, y, weight=w), tol=1e-6)
ok(f, "ClassBalanceCE", "== weighted CE (base forward), hard labels")
m = ns["ClassBalanceFocal"](para(ClassBalanceFocal={"BETA": 0.99, "GAMMA": 2.0}))
m.update(1)
m.weight_list = m.weight_list.double()
s = torch.sigmoid(x)
fl = F.binary_cross_entropy_with_logits(x, onehot, reduction="none") * ((1 - s) * onehot + s * (1 - onehot)) ** 2
close(m(x, y), (fl * w[y][:, None]).sum() / N, tol=1e-6)
ok(f, "ClassBalanceFocal", "== sigmoid focal BCE on the one-hot, class weights")

f = "bagoftricks_lt__influence_balanced_loss.py"
ns = extract(f, ["InfluenceBalancedLoss"], dict(base))
m = ns["InfluenceBalancedLoss"](para(InfluenceBalancedLoss={"ALPHA": 1000.0}))
m.update(1)
m.weight_list = m.weight_list.double()
feat = torch.randn(N, 5)
ib = 1000.0 / ((p - onehot).abs().sum(1) * feat.abs().sum(1) + 1e-3)
wib = 1.0 / np.array(counts)
wib = torch.tensor(wib / wib.sum() * K)
close(m(x, y, feature=feat), (F.cross_entropy(x, y, weight=wib, reduction="none") * ib).mean(), tol=1e-6)
ok(f, "InfluenceBalancedLoss", "== per-sample influence weight x weighted CE on hard labels")

# --- phuber: functions of p_y.
f = "phuber__loss.py"
ns = extract(f, ["CrossEntropy", "GeneralizedCrossEntropy", "Unhinged", "PHuberCrossEntropy", "PHuberGeneralizedCrossEntropy"])
close(ns["CrossEntropy"]()(x, y), F.cross_entropy(x, y))
ok(f, "CrossEntropy", "== F.cross_entropy")
g = ns["GeneralizedCrossEntropy"](q=0.7)
close(g(x, y), ((1 - (p_y + g.epsilon) ** 0.7) / 0.7).mean())
ok(f, "GeneralizedCrossEntropy", "== mean (1-(p_y+eps)^q)/q")
close(ns["Unhinged"]()(x, y), (1 - p_y).mean())
ok(f, "Unhinged", "== mean 1 - p_y")
tau = 3.0
want = torch.where(p_y <= 1 / tau, -tau * p_y + np.log(tau) + 1, -p_y.log()).mean()
close(ns["PHuberCrossEntropy"](tau=tau)(x, y), want)
ok(f, "PHuberCrossEntropy", "== piecewise function of p_y")
pg = ns["PHuberGeneralizedCrossEntropy"](q=0.7, tau=tau)
th = tau ** (1 / (0.7 - 1))
want = torch.where(p_y <= th, -tau * p_y + pg.boundary_term, (1 - p_y ** 0.7) / 0.7).mean()
close(pg(x, y), want)
ok(f, "PHuberGeneralizedCrossEntropy", "== piecewise function of p_y")

f = "snorkel__loss.py"
ns = extract(f, ["cross_entropy_with_probs"], Optional=__import__("typing").Optional)
qsoft = F.softmax(torch.randn(N, K), 1)
close(ns["cross_entropy_with_probs"](x, qsoft), soft_ce(x, qsoft).mean(), tol=1e-6)  # target[:, y].float()
ok(f, "cross_entropy_with_probs", "== CE against the given probabilities")

f = "sceloss_reproduce__loss.py"
ns = extract(f, ["SCELoss"])
m = ns["SCELoss"](alpha=0.1, beta=1.0, num_classes=K)
m.device = "cpu"
pc = p.clamp(1e-7, 1)
close(m(x, y), 0.1 * F.cross_entropy(x, y) - np.log(1e-4) * (pc.sum(1) - pc.gather(1, y[:, None]).squeeze(1)).mean(), tol=1e-6)  # one-hot .float()
ok(f, "SCELoss", "== a CE + b (-log 1e-4) sum_{j!=y} p_j: hard labels")

f = "polyloss_jahongir__polyloss.py"
ns = extract(f, ["PolyLoss"], cross_entropy=F.cross_entropy, one_hot=F.one_hot, softmax=F.softmax)
close(ns["PolyLoss"](epsilon=2.0)(x, y), F.cross_entropy(x, y) + 2.0 * (1 - p_y).mean())
ok(f, "PolyLoss", "== CE + e (1 - p_y): hard labels")

f = "semckd__KD.py"
ns = extract(f, ["DistillKL"])
q = F.softmax(xt / 4, 1)
close(ns["DistillKL"](4.0)(x, xt), (q * (q.log() - F.log_softmax(x / 4, 1))).sum(1).mean() * 16)
ok(f, "DistillKL", "== T^2 KL(softmax(t/T) || softmax(s/T)), batchmean")

f = "robust_ce_carlomarxdk__loss.py"
ns = extract(f, ["RobustCrossEntropyLoss"])
Tn = torch.full((K, K), 0.1 / (K - 1)) + torch.eye(K) * (0.9 - 0.1 / (K - 1))
m = ns["RobustCrossEntropyLoss"](Tn)
pcl = p.clamp(1e-7, 1 - 1e-7)
close(m(x, onehot), -(onehot @ torch.linalg.inv(Tn).T * pcl.log()).sum(1).mean())
ok(f, "RobustCrossEntropyLoss", "backward (default) == CE of the given target mixed by T^-1")
m = ns["RobustCrossEntropyLoss"](Tn, robust_method="forward")
close(m(x, onehot), -(onehot * (pcl @ Tn.T).log()).sum(1).mean())
ok(f, "RobustCrossEntropyLoss", "forward == CE of the given target against T-mixed probabilities")

f = "l_dmi__GCE.py"
ns = extract(f, ["lq_loss"], q=0.7)
close(ns["lq_loss"](p, y), ((1 - p_y ** 0.7) / 0.7).mean())
ok(f, "lq_loss", "== mean (1 - p_y^q)/q on softmax outputs")

f = "fixmatch_leedoyup__train_utils.py"
ns = extract(f, ["ce_loss"])
close(ns["ce_loss"](x, y), F.cross_entropy(x, y, reduction="none"))
close(ns["ce_loss"](x, qsoft, use_hard_labels=False), soft_ce(x, qsoft))
ok(f, "ce_loss", "hard: F.cross_entropy; soft: CE against the given targets")

f = "fixmatch_leedoyup__fixmatch_utils.py"
ns = extract(f, ["consistency_loss"], ce_loss=ns["ce_loss"])
xs = torch.randn(N, K)
pw = F.softmax(x, 1)
mask = (pw.max(1).values >= 0.3).double()
loss, m = ns["consistency_loss"](x, xs, p_cutoff=0.3)
close(loss, (F.cross_entropy(xs, pw.argmax(1), reduction="none") * mask).mean())
ok(f, "consistency_loss", "default == masked CE against argmax of the weak view (hard pseudo-labels)")
loss, m = ns["consistency_loss"](x, xs, T=0.5, use_hard_labels=False)
close(loss, soft_ce(xs, F.softmax(x / 0.5, 1)).mean())
ok(f, "consistency_loss", "use_hard_labels=False == CE against softmax(weak / T)")
