#!/usr/bin/env python3
"""Numerical checks of the conventions labelled in ../labels.json.

Run with Debian's interpreter:  /usr/bin/python3 verify_negatives.py
Needs only torch + numpy. The code under test comes from the corpus files
themselves: a file is imported as a module when its imports are torch/numpy
only; otherwise the named top-level class/function is cut out with `ast`
and executed in a namespace holding torch/nn/F/np (plus small stubs).
Each check prints "ok <file> <symbol>"; any failure raises.
"""
import ast
import importlib.util
import math
import os
import sys
import types
import typing

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
RESULTS = []


def path(name):
    return os.path.join(CORPUS, name)


def load_module(fname):
    spec = importlib.util.spec_from_file_location(fname[:-3].replace("-", "_"), path(fname))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def extract(fname, names, extra=None):
    """exec only the named top-level defs/classes of a corpus file."""
    src = open(path(fname)).read()
    tree = ast.parse(src)
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Module=nn.Module,
              Optional=typing.Optional, Tensor=torch.Tensor, List=typing.List)
    if extra:
        ns.update(extra)
    wanted = [n for n in tree.body
              if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        code = compile(ast.Module(body=[node], type_ignores=[]), path(fname), "exec")
        exec(code, ns)
    return ns


def close(a, b, tol=1e-5):
    a = torch.as_tensor(a, dtype=torch.float64)
    b = torch.as_tensor(b, dtype=torch.float64)
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note=""):
    RESULTS.append((fname, symbol))
    print("ok", fname, symbol, note)


def soft_ce(logits, target_probs):
    return (-(target_probs * F.log_softmax(logits, -1)).sum(-1)).mean()


N, K = 6, 5
logits = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).float()

# ---------------------------------------------------------------- polyloss
m = load_module("polyloss__polyloss.py")
l0 = m.Poly1CrossEntropyLoss(num_classes=K, epsilon=0.0, reduction="mean")(logits, y)
close(l0, F.cross_entropy(logits, y))
l1 = m.Poly1CrossEntropyLoss(num_classes=K, epsilon=2.0, reduction="mean")(logits, y)
pt = logits.softmax(-1).gather(1, y[:, None]).squeeze(1)
close(l1, (F.cross_entropy(logits, y, reduction="none") + 2.0 * (1 - pt)).mean())
ok("polyloss__polyloss.py", "Poly1CrossEntropyLoss", "eps=0 == F.cross_entropy; eps>0 adds eps*(1-p_y), target stays one-hot")
lf = m.Poly1FocalLoss(num_classes=K, epsilon=0.0, alpha=-1, gamma=0.0, reduction="mean")(logits, y)
close(lf, F.binary_cross_entropy_with_logits(logits, onehot))
ok("polyloss__polyloss.py", "Poly1FocalLoss", "eps=0,gamma=0,alpha=-1 == BCE-with-logits vs one_hot")

# ---------------------------------------------------------- bootstrapping
m = load_module("bootstrapping_loss__loss.py")
beta = 0.8
p = logits.softmax(-1)
ls = m.SoftBootstrappingLoss(beta=beta)(logits, y)
close(ls, soft_ce(logits, beta * onehot + (1 - beta) * p))
close(m.SoftBootstrappingLoss(beta=1.0)(logits, y), F.cross_entropy(logits, y))
ok("bootstrapping_loss__loss.py", "SoftBootstrappingLoss", "== CE vs beta*onehot + (1-beta)*softmax(pred): prediction-dependent target")
lh = m.HardBootstrappingLoss(beta=beta)(logits, y)
close(lh, soft_ce(logits, beta * onehot + (1 - beta) * F.one_hot(p.argmax(-1), K).float()))
ok("bootstrapping_loss__loss.py", "HardBootstrappingLoss", "== CE vs beta*onehot(y) + (1-beta)*onehot(argmax p)")

# ---------------------------------------------------------- class balanced
m = load_module("cb_loss__class_balanced_loss.py")
spc = [2, 3, 1, 2, 2]
bb = 0.9999
eff = 1.0 - np.power(bb, spc)
w = (1.0 - bb) / eff
w = torch.tensor(w / w.sum() * K).float()
wrow = w[y][:, None].repeat(1, K)
got = m.CB_loss(y, logits, spc, K, "softmax", bb, 2.0)
close(got, F.binary_cross_entropy(logits.softmax(1), onehot, weight=wrow))
got = m.CB_loss(y, logits, spc, K, "focal", bb, 0.0)
close(got, (wrow * F.binary_cross_entropy_with_logits(logits, onehot, reduction="none")).sum() / onehot.sum())
ok("cb_loss__class_balanced_loss.py", "CB_loss", "softmax/focal branches == class-weighted (B)CE vs hard one_hot")
ok("cb_loss__class_balanced_loss.py", "focal_loss", "gamma=0 == sum(alpha*BCE)/num_pos with one_hot labels")

# ------------------------------------------------------ arcface focal loss
m = load_module("arcface_pytorch__focal_loss.py")
close(m.FocalLoss(gamma=0)(logits, y), F.cross_entropy(logits, y))
ok("arcface_pytorch__focal_loss.py", "FocalLoss", "gamma=0 == F.cross_entropy")

# ------------------------------------------------------------ KD (haitong)
m = load_module("kd_pytorch__net.py")
close(m.loss_fn(logits, y), F.cross_entropy(logits, y))
ok("kd_pytorch__net.py", "loss_fn", "== F.cross_entropy")
teacher = torch.randn(N, K)
T = 4.0
params = types.SimpleNamespace(alpha=1.0, temperature=T)
got = m.loss_fn_kd(logits, y, teacher, params)
pt_ = F.softmax(teacher / T, 1)
kl = (pt_ * (pt_.log() - F.log_softmax(logits / T, 1))).sum() / (N * K)  # KLDivLoss default 'mean' = elementwise mean
close(got, kl * T * T)
params0 = types.SimpleNamespace(alpha=0.0, temperature=T)
close(m.loss_fn_kd(logits, y, teacher, params0), F.cross_entropy(logits, y))
ok("kd_pytorch__net.py", "loss_fn_kd", "alpha=1 == T^2*KL(softmax(t/T)||softmax(s/T)) (elementwise mean); alpha=0 == CE")

# ------------------------------------------------------------------ fvcore
m = load_module("fvcore__focal_loss.py")
tgt = onehot
close(m.sigmoid_focal_loss(logits, tgt, alpha=-1, gamma=0, reduction="mean"),
      F.binary_cross_entropy_with_logits(logits, tgt))
ok("fvcore__focal_loss.py", "sigmoid_focal_loss", "gamma=0, alpha=-1 == BCE-with-logits")
close(m.sigmoid_focal_loss_star(logits, tgt, alpha=-1, gamma=1, reduction="mean"),
      F.binary_cross_entropy_with_logits(logits, tgt))
ok("fvcore__focal_loss.py", "sigmoid_focal_loss_star", "gamma=1, alpha=-1 == BCE-with-logits")

# -------------------------------------------------------------------- DeiT
m = load_module("deit__losses.py")


class FixedTeacher(nn.Module):
    def __init__(self, out):
        super().__init__()
        self.out = out

    def forward(self, x):
        return self.out


out_kd = torch.randn(N, K)
crit = m.DistillationLoss(nn.CrossEntropyLoss(), FixedTeacher(teacher), "soft", alpha=1.0, tau=T)
got = crit(None, (logits, out_kd), y)
kl_sum = (pt_ * (pt_.log() - F.log_softmax(out_kd / T, 1))).sum()
close(got, kl_sum * T * T / out_kd.numel())
crit0 = m.DistillationLoss(nn.CrossEntropyLoss(), FixedTeacher(teacher), "soft", alpha=0.0, tau=T)
close(crit0(None, (logits, out_kd), y), F.cross_entropy(logits, y))
ok("deit__losses.py", "DistillationLoss", "soft, alpha=1 == T^2*KL(teacher softmax || student)/numel; alpha=0 == base CE")

# --------------------------------------------------------------- open_clip
ns = extract("open_clip__loss.py", ["ClipLoss", "DistillClipLoss", "SigLipLoss"])
B, D = 4, 8
img = F.normalize(torch.randn(B, D), dim=-1)
txt = F.normalize(torch.randn(B, D), dim=-1)
scale = torch.tensor(10.0)
ar = torch.arange(B)
lg = scale * img @ txt.T
close(ns["ClipLoss"]()(img, txt, scale), (F.cross_entropy(lg, ar) + F.cross_entropy(lg.T, ar)) / 2)
ok("open_clip__loss.py", "ClipLoss", "== symmetric CE with labels=arange")
dimg = F.normalize(torch.randn(B, D), dim=-1)
dtxt = F.normalize(torch.randn(B, D), dim=-1)
dscale = torch.tensor(5.0)
dl = ns["DistillClipLoss"]()
c, d = dl(img, txt, scale, dimg, dtxt, dscale)
tl = dscale * dimg @ dtxt.T
close(d, (soft_ce(lg, tl.softmax(1)) + soft_ce(lg.T, tl.T.softmax(1))) / 2)
close(dl.dist_loss(tl, lg), soft_ce(lg, tl.softmax(1)))
ok("open_clip__loss.py", "DistillClipLoss", "distill term == CE vs teacher softmax (soft target); contrastive term hard arange")
ok("open_clip__loss.py", "DistillClipLoss.dist_loss", "== CE vs teacher softmax")
bias = torch.tensor(-2.0)
sl = ns["SigLipLoss"]()(img, txt, scale, bias)
z = scale * img @ txt.T + bias
close(sl, F.binary_cross_entropy_with_logits(z, torch.eye(B), reduction="sum") / B)
ok("open_clip__loss.py", "SigLipLoss", "== BCE-with-logits vs eye (labels 2*eye-1 are the +/-1 form of hard 0/1)")

# ------------------------------------------------------- kornia divergence
m = load_module("kornia__divergence.py")
pred = torch.rand(2, 3, 4, 5)
pred = pred / pred.sum((2, 3), keepdim=True)
tgt = torch.rand(2, 3, 4, 5)
tgt = tgt / tgt.sum((2, 3), keepdim=True)
kl_ref = (tgt * (tgt.log() - pred.log())).sum((2, 3)).mean()
close(m.kl_div_loss_2d(pred, tgt), kl_ref)
ok("kornia__divergence.py", "kl_div_loss_2d", "== KL(target || pred) over HxW: given probability target")
mix = 0.5 * (pred + tgt)
js_ref = (0.5 * (tgt * (tgt.log() - mix.log())).sum((2, 3)) + 0.5 * (pred * (pred.log() - mix.log())).sum((2, 3))).mean()
close(m.js_div_loss_2d(pred, tgt), js_ref)
ok("kornia__divergence.py", "js_div_loss_2d", "== Jensen-Shannon(target, pred)")

# -------------------------------------------------- catalyst categorical
m = load_module("catalyst__regression.py")
tp = torch.rand(N, K).softmax(-1)
close(m._ce_with_logits(logits, tp).mean(), soft_ce(logits, tp))
ok("catalyst__regression.py", "_ce_with_logits", "== CE vs given probability target")

# -------------------------------------------------------- mixup-cifar10
ns = extract("mixup_cifar10__train.py", ["mixup_criterion"])
yb = torch.randint(0, K, (N,))
lam = 0.3
got = ns["mixup_criterion"](nn.CrossEntropyLoss(), logits, y, yb, lam)
close(got, soft_ce(logits, lam * onehot + (1 - lam) * F.one_hot(yb, K).float()))
ok("mixup_cifar10__train.py", "mixup_criterion", "== CE vs lam*onehot(a)+(1-lam)*onehot(b) (two-hot mixup target)")

# ------------------------------------------------------ MONAI contrastive
m = load_module("monai__contrastive.py")
a = torch.randn(B, D)
b = torch.randn(B, D)
tau = 0.5
got = m.ContrastiveLoss(temperature=tau)(a, b)
r = torch.cat([a, b])
sim = F.cosine_similarity(r[:, None], r[None], dim=2) / tau
sim = sim.masked_fill(torch.eye(2 * B, dtype=torch.bool), float("-inf"))
lab = (torch.arange(2 * B) + B) % (2 * B)
close(got, F.cross_entropy(sim, lab))
ok("monai__contrastive.py", "ContrastiveLoss", "== CE over 2B rows (self masked), hard positive index i+-B")

# ------------------------------------------------------- MONAI focal fns
ns = extract("monai__focal_loss.py", ["softmax_focal_loss", "sigmoid_focal_loss"])
x4 = torch.randn(2, K, 3, 3)
t4 = torch.randint(0, K, (2, 3, 3))
oh4 = F.one_hot(t4, K).permute(0, 3, 1, 2).float()
close(ns["softmax_focal_loss"](x4, oh4, gamma=0.0, alpha=None).sum(1).mean(), F.cross_entropy(x4, t4))
ok("monai__focal_loss.py", "softmax_focal_loss", "gamma=0 summed over classes == F.cross_entropy")
close(ns["sigmoid_focal_loss"](x4, oh4, gamma=0.0, alpha=None).mean(), F.binary_cross_entropy_with_logits(x4, oh4))
ok("monai__focal_loss.py", "sigmoid_focal_loss", "gamma=0 == BCE-with-logits")

# --------------------------------------------------------------- Lovasz
m = load_module("lovasz__lovasz_losses.py")
xs = torch.randn(2, K, 4, 4)
ts = torch.randint(0, K, (2, 4, 4))
close(m.xloss(xs, ts), F.cross_entropy(xs, ts, ignore_index=255))
ok("lovasz__lovasz_losses.py", "xloss", "== F.cross_entropy(ignore_index=255)")
xb = torch.randn(2, 4, 4)
tb = torch.randint(0, 2, (2, 4, 4))
close(m.binary_xloss(xb, tb), F.binary_cross_entropy_with_logits(xb.view(-1), tb.view(-1).float()))
ok("lovasz__lovasz_losses.py", "binary_xloss", "== BCE-with-logits on hard 0/1 masks")
close(m.StableBCELoss()(xb.view(-1), tb.view(-1).float()), F.binary_cross_entropy_with_logits(xb.view(-1), tb.view(-1).float()))
ok("lovasz__lovasz_losses.py", "StableBCELoss", "== BCE-with-logits")

# ---------------------------------------------------------- HRNet (stub)
cfg = types.SimpleNamespace(MODEL=types.SimpleNamespace(NUM_OUTPUTS=1, ALIGN_CORNERS=False),
                            LOSS=types.SimpleNamespace(BALANCE_WEIGHTS=[1.0]))
ns = extract("hrnet_seg__criterion.py", ["CrossEntropy", "OhemCrossEntropy"], {"config": cfg})
close(ns["CrossEntropy"](ignore_label=-1)(xs, ts), F.cross_entropy(xs, ts))
ok("hrnet_seg__criterion.py", "CrossEntropy", "== F.cross_entropy")
close(ns["OhemCrossEntropy"](ignore_label=-1, thres=1.1, min_kept=1)(xs, ts), F.cross_entropy(xs, ts))
ok("hrnet_seg__criterion.py", "OhemCrossEntropy", "thres>1 keeps every pixel -> == F.cross_entropy (hard targets)")

# --------------------------------------------------------- SimCLR (stub)
ns = extract("simclr__simclr.py", ["SimCLR"])
obj = ns["SimCLR"].__new__(ns["SimCLR"])
obj.args = types.SimpleNamespace(batch_size=B, n_views=2, device="cpu", temperature=0.5)
feats = torch.randn(2 * B, D)
lo, la = obj.info_nce_loss(feats)
assert la.dtype == torch.long and int(la.abs().sum()) == 0
fn = F.normalize(feats, dim=1)
s = fn @ fn.T / 0.5
s = s.masked_fill(torch.eye(2 * B, dtype=torch.bool), float("-inf"))
close(F.cross_entropy(lo, la), F.cross_entropy(s, (torch.arange(2 * B) + B) % (2 * B)))
ok("simclr__simclr.py", "SimCLR.info_nce_loss", "labels are hard zeros (positive in column 0); CE == NT-Xent")

# ------------------------------------------------------------- BYOL kl fn
ns = extract("byol__byol_pytorch.py", ["kl_loss_fn"])
xp = torch.rand(N, K).softmax(-1)
yp = torch.rand(N, K).softmax(-1)
close(ns["kl_loss_fn"](xp, yp), (yp * (yp.log() - xp.log())).sum() / N)
ok("byol__byol_pytorch.py", "kl_loss_fn", "== KL(y || x) batchmean: y is a given probability target")

# ------------------------------------------------------------ DINO (stub)
fake_dist = types.SimpleNamespace(all_reduce=lambda t: t, get_world_size=lambda: 1)
ns = extract("dino__main_dino.py", ["DINOLoss"], {"dist": fake_dist})
ncrops = 4
loss = ns["DINOLoss"](K, ncrops, 0.04, 0.04, 0, 2, student_temp=0.1, center_momentum=0.9)
st = torch.randn(ncrops * N, K)
te = torch.randn(2 * N, K)
got = loss(st, te, 0)
q = F.softmax(te / 0.04, -1).chunk(2)
sv = (st / 0.1).chunk(ncrops)
ref, n = 0.0, 0
for iq in range(2):
    for v in range(ncrops):
        if v != iq:
            ref = ref + soft_ce(sv[v], q[iq])
            n += 1
close(got, ref / n)
ok("dino__main_dino.py", "DINOLoss", "== mean CE of student views vs (centered, sharpened) teacher softmax")

print(f"\n{len(RESULTS)} checks passed")
