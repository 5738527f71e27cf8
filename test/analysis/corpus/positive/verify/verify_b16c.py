#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16c's positive files (noisy labels, long-tailed, calibration,
few-shot, semi-supervised, distillation, recommendation).

Run with Debian's interpreter:  /usr/bin/python3 verify_b16c.py
Classes and functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F / np
(plus stand-ins for project-internal base classes). Each check compares the loss with cross-entropy / KL / BCE
against the target its label names, computed independently here. Prints "ok <file> <symbol> <what>".
"""
import ast
import os
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules import loss as torch_loss

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, np=np, loss=torch_loss, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def soft_ce(logits, q):
    return -(q * F.log_softmax(logits, -1)).sum(-1)


def kl(q, logits):
    """KL(q ‖ softmax(logits)) per row, 0·log 0 = 0."""
    logq = torch.where(q > 0, q.clamp_min(1e-300).log(), torch.zeros_like(q))
    return (q * (logq - F.log_softmax(logits, -1))).sum(-1)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
p = F.softmax(x, -1)
p_y = p.gather(1, y[:, None])[:, 0]
assert not torch.allclose(soft_ce(x, uniform), soft_ce(x, k_minus_1))

# --- GJS (noisy labels) -------------------------------------------------------------------------------------------
names = ["custom_kl_div", "custom_ce", "LabelSmoothing", "Bootstrapping", "SCELoss", "GeneralizedCrossEntropy",
         "MeanAbsoluteError", "NormalizedCrossEntropy", "ReverseCrossEntropy", "NCEandRCE"]
ns = extract("gjs__losses.py", names, device="cpu")
F32 = 1e-6  # the file builds its one-hot targets with .float(): float32 targets
close(ns["LabelSmoothing"](num_classes=K, t=EPS)(x, y), kl(uniform, x).mean(), tol=F32)
print("ok gjs__losses.py LabelSmoothing uniform (KL to (1-t) onehot + t/K, batchmean)")
boot_t = 0.3
target = (1 - boot_t) * onehot + boot_t * p
close(ns["Bootstrapping"](num_classes=K, t=boot_t)(x, y), -(target * p.clamp(1e-7, 1).log()).sum(1).mean(), tol=F32)
print("ok gjs__losses.py Bootstrapping other (soft bootstrapping (1-t) onehot + t p_model)")
close(ns["GeneralizedCrossEntropy"](num_classes=K, q=0.7)(x, y), ((1 - p_y.clamp(1e-7) ** 0.7) / 0.7).mean(), tol=F32)
close(ns["MeanAbsoluteError"](num_classes=K)(x, y), (1 - p_y).mean(), tol=F32)
close(ns["NormalizedCrossEntropy"](num_classes=K)(x, y), (-p_y.log() / -F.log_softmax(x, 1).sum(1)).mean(), tol=F32)
rce = -(p.clamp(1e-7, 1) * onehot.clamp(1e-4, 1).log()).sum(1).mean()
close(ns["ReverseCrossEntropy"](num_classes=K)(x, y), rce, tol=F32)
close(ns["SCELoss"](alpha=0.4, beta=1.5, num_classes=K)(x, y), 0.4 * F.cross_entropy(x, y) + 1.5 * rce, tol=F32)
close(ns["NCEandRCE"](alpha=1.0, beta=1.0, num_classes=K)(x, y),
      (-p_y.log() / -F.log_softmax(x, 1).sum(1)).mean() + rce, tol=F32)
print("ok gjs__losses.py SCE / GCE / MAE / NCE / RCE / NCEandRCE none (functions of p and the hard label)")

# --- LiVT (long-tailed) --------------------------------------------------------------------------------------------
names = ["ST_CE_loss", "Bal_CE_loss", "BCE_loss", "LS_CE_loss", "MiSLAS_loss", "LDAM_loss", "CB_CE_loss"]
ns = extract("livt__loss.py", names)
q = torch.softmax(torch.randn(N, K), -1)
close(ns["ST_CE_loss"]()(x, q), soft_ce(x, q).mean())
counts = [500, 300, 120, 60, 20, 5]
args = types.SimpleNamespace(cls_num=counts, bal_tau=1.0, smoothing=EPS, device="cpu", nb_classes=K)
prior = torch.log(torch.tensor(counts, dtype=torch.float64) / sum(counts)).float().double()
close(ns["Bal_CE_loss"](args)(x, q), soft_ce(x + prior, q).mean())
print("ok livt__loss.py ST_CE_loss / Bal_CE_loss soft_target (given soft targets)")
close(ns["BCE_loss"](args)(x, y), K * F.binary_cross_entropy_with_logits(x, uniform))
print("ok livt__loss.py BCE_loss uniform (off eps/K, on 1-eps+eps/K, then C * BCE-with-logits)")
close(ns["LS_CE_loss"](smoothing=EPS)(x, y), soft_ce(x, uniform).mean())
print("ok livt__loss.py LS_CE_loss uniform")
crit = ns["MiSLAS_loss"](args)
crit.smooth = crit.smooth.double()
e = crit.smooth[y].unsqueeze(1)
assert crit.smooth.max() > crit.smooth.min()
close(crit(x, y), soft_ce(x, onehot * (1 - e) + e / K).mean())
print("ok livt__loss.py MiSLAS_loss uniform (eps per class)")
crit = ns["LDAM_loss"](args)
m = crit.m_list.double()[y]
close(crit(x, y), F.cross_entropy(30 * (x - onehot * m[:, None]), y))
crit = ns["CB_CE_loss"](args)
crit.weight = crit.weight.double()
close(crit(x, y), F.cross_entropy(x, y, weight=crit.weight))
print("ok livt__loss.py LDAM_loss / CB_CE_loss none (hard labels)")

# --- MbLS (calibration) --------------------------------------------------------------------------------------------
ns = extract("mbls__label_smoothing.py", ["LabelSmoothingCrossEntropy"])
x4 = torch.randn(2, K, 3, 3)
y4 = torch.randint(0, K, (2, 3, 3))
close(ns["LabelSmoothingCrossEntropy"](alpha=EPS)(x4, y4), F.cross_entropy(x4, y4, label_smoothing=EPS))
close(ns["LabelSmoothingCrossEntropy"](alpha=EPS, ignore_index=2)(x4, y4),
      F.cross_entropy(x4, y4, label_smoothing=EPS, ignore_index=2))
print("ok mbls__label_smoothing.py LabelSmoothingCrossEntropy uniform (N,C,H,W and ignore_index)")

# --- negative label smoothing (noisy labels) ---------------------------------------------------------------------
ns = extract("negative_ls__loss.py", ["loss_gls"])
close(ns["loss_gls"](0, x, y, smooth_rate=EPS), soft_ce(x, uniform).mean())
close(ns["loss_gls"](0, x, y, smooth_rate=-0.4), soft_ce(x, onehot * 1.4 - 0.4 / K).mean())
print("ok negative_ls__loss.py loss_gls uniform ((1-r) onehot + r/K, r may be negative)")

# --- CORES (noisy labels) -------------------------------------------------------------------------------------------
torch.Tensor.cuda = lambda self, *a, **k: self  # the file moves its sample weights to the GPU
ns = extract("cores__loss.py", ["loss_cross_entropy", "loss_cores", "f_beta"], Variable=lambda t: t)
loss_all = np.zeros((N, 100))
loss_div = np.zeros((N, 100))
ind = np.arange(N)
close(ns["loss_cross_entropy"](3, x, y, None, ind, None, loss_all, loss_div), F.cross_entropy(x, y))
epoch = 25
beta = float(ns["f_beta"](epoch))
assert beta > 0
got, _ = ns["loss_cores"](epoch, x, y, None, ind, None, loss_all, loss_div)
close(got, soft_ce(x, onehot - beta / K).mean(), tol=1e-6)  # the file adds 1e-8 inside its log
print("ok cores__loss.py loss_cross_entropy none, loss_cores other (target onehot - beta/K, sums to 1 - beta)")

# --- rfs (few-shot) --------------------------------------------------------------------------------------------------
ns = extract("rfs__util.py", ["LabelSmoothing", "BCEWithLogitsLoss"])
close(ns["LabelSmoothing"](smoothing=EPS)(x, y), soft_ce(x, uniform).mean())
print("ok rfs__util.py LabelSmoothing uniform")
try:
    got = ns["BCEWithLogitsLoss"](num_classes=K)(x, y)
    close(got, F.binary_cross_entropy_with_logits(x, onehot))
    print("ok rfs__util.py BCEWithLogitsLoss none (one-hot targets)")
except RuntimeError as err:  # torch refuses the integer one-hot target: the class is read, not run
    print("read rfs__util.py BCEWithLogitsLoss none (torch rejects its long one-hot target:", str(err)[:60], ")")

# --- RIDE (long-tailed) ----------------------------------------------------------------------------------------------
ns = extract("ride__loss.py", ["focal_loss", "FocalLoss", "CrossEntropyLoss", "LDAMLoss", "RIDELoss"])
gamma = 2.0
close(ns["FocalLoss"](gamma=gamma)(x, y), ((1 - p_y) ** gamma * -p_y.log()).mean())
close(ns["CrossEntropyLoss"]()(x, y), F.cross_entropy(x, y))
crit = ns["LDAMLoss"](cls_num_list=counts, max_m=0.5, s=30)
m = crit.m_list.double()[y]
close(crit(x, y), F.cross_entropy(x - onehot * m[:, None] * 30, y), tol=1e-6)  # its margins are float32
close(ns["RIDELoss"]()(x, y), F.cross_entropy(x, y))
print("ok ride__loss.py FocalLoss / CrossEntropyLoss / LDAMLoss / RIDELoss none (hard labels)")
ns = extract("ldam_drw__losses.py", ["focal_loss", "FocalLoss"])
close(ns["FocalLoss"](gamma=gamma)(x, y), ((1 - p_y) ** gamma * -p_y.log()).mean())
print("ok ldam_drw__losses.py FocalLoss none (LDAMLoss needs CUDA: read)")

# --- Truncated loss (noisy labels) -----------------------------------------------------------------------------------
ns = extract("truncated_loss__truncated_loss.py", ["TruncatedLoss"])
crit = ns["TruncatedLoss"](q=0.7, k=0.5, trainset_size=N)
idx = torch.arange(N)
close(crit(x, y, idx), ((1 - p_y ** 0.7) / 0.7 - (1 - 0.5 ** 0.7) / 0.7).mean())
print("ok truncated_loss__truncated_loss.py TruncatedLoss none (truncated Lq of p_y)")

# --- focal calibration ---------------------------------------------------------------------------------------------
ns = extract("focal_calibration__focal_loss.py", ["FocalLoss"])
close(ns["FocalLoss"](gamma=3, size_average=True)(x, y), ((1 - p_y) ** 3 * -p_y.log()).mean())
close(ns["FocalLoss"](gamma=0)(x, y), F.cross_entropy(x, y, reduction="sum"))
print("ok focal_calibration__focal_loss.py FocalLoss none")

# --- USB (semi-supervised) -----------------------------------------------------------------------------------------
ns = extract("usb__cross_entropy.py", ["ce_loss", "CELoss"])
close(ns["ce_loss"](x, q), soft_ce(x, q))
close(ns["CELoss"]()(x, y, reduction="mean"), F.cross_entropy(x, y))
print("ok usb__cross_entropy.py ce_loss / CELoss soft_target (given targets) or hard labels")


# --- KD_Lib label smoothing regularisation (distillation) -------------------------------------------------------------
class BaseClass:
    def __init__(self, teacher, student, train_loader, val_loader, opt_t, opt_s, loss_fn, temp, distil_weight,
                 device, log, logdir):
        self.loss_fn, self.temp, self.distil_weight, self.device = loss_fn, temp, distil_weight, device


ns = extract("kd_lib__lsr.py", ["LabelSmoothReg"], BaseClass=BaseClass)
T, correct = 4.0, 0.9
crit = ns["LabelSmoothReg"](None, None, None, None, None, None, correct_prob=correct, temp=T, ka_weight=0.85)
wrong = (y + 1) % K
teacher = torch.randn(N, K) + 6 * torch.where(torch.arange(N)[:, None] < N // 2, onehot, F.one_hot(wrong, K).double())
pt = F.softmax(teacher / T, 1)
right = pt.argmax(1) == y
assert right.any() and (~right).any()
act = torch.where(right[:, None], pt, onehot * correct + (1 - onehot) * (1 - correct) / (K - 1))
ps = F.softmax(x / T, 1)
ka = T * T * (ps * (ps.log() - act)).sum() / N  # KLDivLoss(input=act, target=ps): the arguments as the file orders them
want = 0.15 * T * F.cross_entropy(x / T, y) + 0.85 * ka
close(crit.calculate_kd_loss(x, teacher, y), want)
print("ok kd_lib__lsr.py LabelSmoothReg other (teacher rows / K-1 rows, KL with swapped arguments)")

# --- Transformers4Rec (recommendation) -----------------------------------------------------------------------------
ns = extract("t4rec__losses.py", ["LabelSmoothCrossEntropyLoss"])
close(ns["LabelSmoothCrossEntropyLoss"](smoothing=EPS)(x, y), soft_ce(x, uniform).mean())
close(ns["LabelSmoothCrossEntropyLoss"]()(x, y), F.cross_entropy(x, y))
print("ok t4rec__losses.py LabelSmoothCrossEntropyLoss uniform (none at smoothing=0)")

# --- FKD (distillation soft labels) --------------------------------------------------------------------------------
ns = extract("fkd__utils_fkd.py", ["Soft_CrossEntropy"])
close(ns["Soft_CrossEntropy"]()(x, q), soft_ce(x, q).mean())
print("ok fkd__utils_fkd.py Soft_CrossEntropy soft_target")
