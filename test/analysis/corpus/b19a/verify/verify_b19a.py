#!/usr/bin/python3
"""Numerical checks for the b19a labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_b19a.py
Each check pulls the named top-level classes/functions (or one method of a class, as a plain function called with a
stub `self`) out of the saved corpus file by name (via ast), executes them in a namespace with small stubs for
project-internal names, feeds random float64 logits/targets and compares the code's loss with the reference of the
labelled convention: uniform -> F.cross_entropy(label_smoothing=eps) (ignore_index / padding rows as the code masks
them), k_minus_1 -> the explicit 1-eps / eps/(K-1) target, binary -> BCE against t*(1-a) + a/2, other -> the explicit
target the code builds (stated in the check), soft_target -> the given distribution, none -> plain CE / BCE.
Prints PASS/FAIL per check and writes results.json next to this file.
"""
import ast
import json
import math
import os
import textwrap
import traceback
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
DT = torch.float64
torch.manual_seed(0)
np.random.seed(0)
torch.set_default_dtype(DT)
RESULTS = {}


def base_ns(**extra):
    import typing
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Tensor=torch.Tensor, Optional=typing.Optional,
              Dict=typing.Dict, List=typing.List, Tuple=typing.Tuple, Any=typing.Any, Union=typing.Union,
              Variable=torch.autograd.Variable)
    ns.update(extra)
    return ns


def _source(fname):
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    return text.splitlines(keepends=True), ast.parse(text)


def load(fname, *names, ns=None):
    """exec the named top-level defs/classes of a corpus file into ns."""
    lines, tree = _source(fname)
    ns = base_ns() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        seg = ''.join(lines[node.lineno - 1:node.end_lineno])
        exec(compile(textwrap.dedent(seg), f'{fname}:{name}', 'exec'), ns)
    return ns


def load_method(fname, cls, method, ns):
    """exec one method of a top-level class as a plain function (decorators dropped); returns it."""
    lines, tree = _source(fname)
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    node = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == method)
    seg = ''.join(lines[node.lineno - 1:node.end_lineno])
    exec(compile(textwrap.dedent(seg), f'{fname}:{cls}.{method}', 'exec'), ns)
    return ns[method]


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + '  -- ' + str(detail))


def close(a, b, tol=1e-9):
    a = torch.as_tensor(a, dtype=DT)
    b = torch.as_tensor(b, dtype=DT)
    d = (a - b).abs().max().item()
    return d <= tol * max(1.0, b.abs().max().item()), d


def all_close(*pairs, tol=1e-9):
    oks, ds = zip(*(close(a, b, tol) for a, b in pairs))
    return all(oks), 'max|diff|=' + ', '.join(f'{d:.3g}' for d in ds)


def logits(n=6, k=7):
    return torch.randn(n, k, dtype=DT) * 2


def labels(n=6, k=7):
    return torch.randint(0, k, (n,))


def onehot(t, k):
    return F.one_hot(t, k).to(DT)


def km1_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))




def soft_ce(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


def kl_rows(q, logp):
    return (torch.xlogy(q, q) - q * logp).sum(-1)


def bce_logits(x, t):
    return F.binary_cross_entropy_with_logits(x, t, reduction='none')


def stub(**kw):
    return types.SimpleNamespace(**kw)



def uniform_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / k


def ce_mean(x, q):
    return soft_ce(x, q).mean()


def identity_decorator(*a, **kw):
    if a and callable(a[0]) and not kw:
        return a[0]
    return lambda f: f


# ---------------------------------------------------------------- negatives
def _dlc_kl():
    ns = load('deeplabcut__kl_discrete.py', 'KLDiscreteLoss',
              ns=base_ns(BaseCriterion=nn.Module, CRITERIONS=stub(register_module=identity_decorator)))
    n, k, bins = 3, 4, 9
    out = torch.randn(n, k, bins)
    q = F.softmax(torch.randn(n, k, bins), -1)
    w = torch.rand(n, k)
    got = ns['KLDiscreteLoss'](beta=2.0)(out, q, w)
    logp = F.log_softmax(2.0 * out, -1)
    ref = ((kl_rows(q, logp) / bins) * w).sum() / k
    return all_close((got, ref))


def _dlg_ce():
    ns = load('dlg__utils.py', 'label_to_onehot', 'cross_entropy_for_onehot')
    x, t = logits(), labels()
    q = F.softmax(torch.randn(6, 7), -1)
    hard = ns['cross_entropy_for_onehot'](x, ns['label_to_onehot'](t, 7))
    ok, d = all_close((hard, F.cross_entropy(x, t)), (ns['cross_entropy_for_onehot'](x, q), ce_mean(x, q)))
    return ok, f'one-hot target: plain CE; a soft (DLG dummy) target: Σ −q·log p, batch mean: {d}'


def _center():
    ns = load('centerloss__center_loss.py', 'CenterLoss')
    m = ns['CenterLoss'](num_classes=5, feat_dim=3, use_gpu=False)
    x, t = torch.randn(6, 3), torch.randint(0, 5, (6,))
    ref = ((x - m.centers[t]) ** 2).sum(1).sum() / 6
    return all_close((m(x, t), ref), tol=1e-6)


def _crc():
    ns = load('crc__loss.py', 'crossentropyloss', ns=base_ns(VOID_LABEL=255))
    x = torch.randn(2, 4, 3, 5)
    y = torch.randint(0, 4, (2, 3, 5))
    y[0, 0, :2] = 255
    ok, d = all_close((ns['crossentropyloss'](x, y), F.cross_entropy(x, y, ignore_index=255)))
    return ok, f'void pixels dropped, plain CE (F injected: the file never imports it): {d}'


def _aicup_mixup():
    ns = load('aicupfall__loss.py', 'MixUpLoss')
    x, a, b = logits(), labels(), labels()
    lam = 0.3
    q = lam * onehot(a, 7) + (1 - lam) * onehot(b, 7)
    ok, d = all_close((ns['MixUpLoss']()(x, (a, b, lam)), ce_mean(x, q)))
    return ok, f'λ·CE(y_a) + (1−λ)·CE(y_b) = CE against the mixup target λ·e_a + (1−λ)·e_b: {d}'


def _aicup_inout():
    ns = load('aicupfall__loss.py', 'InOutLoss')
    x1, t1, x2, t2 = logits(), labels(), logits(), labels()
    return all_close((ns['InOutLoss'](lam=4)(x1, t1, x2, t2), F.cross_entropy(x1, t1) + 4 * F.cross_entropy(x2, t2)))


def _minf_kd():
    ns = load('minf__distillation.py', 'distillation')
    x, z, t = logits(), logits(), labels()
    t[0] = 255
    T, a = 3.0, 0.4
    q = F.softmax(z / T, 1)
    kl = (torch.xlogy(q, q) - q * F.log_softmax(x / T, 1)).mean()
    ref = kl * (T * T * 2. * a) + F.cross_entropy(x, t, ignore_index=255) * (1 - a)
    ok, d = all_close((ns['distillation'](x, z, t, T, a), ref))
    return ok, f'teacher softmax(z/T) as a soft target (element-mean KL · 2T²α) + (1−α)·CE: {d}'


def _sslsv_dino():
    ns = load('sslsv__DINO.py', 'DINOLoss', ns=base_ns(is_dist_initialized=lambda: False, get_world_size=lambda: 1))
    K, N = 5, 3
    m = ns['DINOLoss'](K, 0.1, 0.04, 0.04, 3)
    m.center = torch.randn(1, K)
    S, Tt = torch.randn(6 * N, K), torch.randn(2 * N, K)
    c = m.center.clone()
    tq = F.softmax((Tt - c) / 0.04, -1).chunk(2)
    sc = (S / 0.1).chunk(6)
    terms = [soft_ce(sc[i], tq[j]).mean() for j in range(2) for i in range(6) if i != j]
    ok, d = all_close((m(S, Tt), sum(terms) / len(terms)))
    return ok, f'CE against the centred, sharpened teacher softmax (EMA centre): {d}'


def _sslsv_nsoftmax():
    fn = load_method('sslsv__Custom.py', 'NormalizedSoftmaxLoss', '_determine_labels', base_ns())
    lg = torch.randn(4, 9)
    lab = fn(None, lg, nb_positives=2)
    ok1 = bool(((lab == 0) | (lab == 1)).all()) and lab.sum(1).eq(2).all().item()
    ok2, d = all_close((F.cross_entropy(lg, lab), soft_ce(lg, lab).mean()))
    return ok1 and ok2, f'multi-hot 0/1 labels (rows sum to the number of positives, not 1): {d}'


def _cvpods_grw():
    ns = load('cvpods__grw_loss.py', 'GRWCrossEntropyLoss', ns=base_ns(_WeightedLoss=nn.modules.loss._WeightedLoss))
    counts = [50, 10, 5, 30, 3, 7, 20]
    m = ns['GRWCrossEntropyLoss'](num_samples_list=counts, num_classes=7)
    w = 1 / (np.array(counts) / np.sum(counts))
    w = torch.tensor(w / w.sum() * 7)
    x, t = logits().float(), labels()
    ok, d = all_close((m(x, t), F.cross_entropy(x, t, weight=w.float())), tol=1e-6)
    return ok, f'CE with inverse-frequency class weights, hard targets: {d}'


def _mmrotate_focal():
    def wrl(loss, weight=None, reduction='mean', avg_factor=None):
        loss = loss * weight if weight is not None else loss
        return loss.mean() if reduction == 'mean' else loss.sum()
    ns = load('mmrotate__smooth_focal_loss.py', 'smooth_focal_loss', ns=base_ns(weight_reduce_loss=wrl))
    x = torch.randn(5, 8)
    q = torch.rand(5, 8)
    p = x.sigmoid()
    pt = (1 - p) * q + p * (1 - q)
    ref = (bce_logits(x, q) * (0.25 * q + 0.75 * (1 - q)) * pt.pow(2)).mean()
    ok, d = all_close((ns['smooth_focal_loss'](x, q), ref))
    return ok, f'focal-weighted BCE against the caller\'s (CSL window) target, unchanged: {d}'


# ---------------------------------------------------------------- positives
def _probly_lr():
    ns = load('probly__calibration_torch.py', 'LabelRelaxationLoss')
    x, t, a = logits(), labels(), 0.1
    p = F.softmax(x, 1)
    off = p * (1 - onehot(t, 7))
    q = a * off / off.sum(1, keepdim=True) + (1 - a) * onehot(t, 7)
    kl = kl_rows(q, p.log())
    ref = torch.where(off.sum(1) <= a, torch.zeros_like(kl), kl).mean()
    ok, d = all_close((ns['LabelRelaxationLoss'](a)(x, t), ref))
    return ok, f'KL to (1−α)·e_y + α·p_off/Σp_off (zero inside the credal set): {d}'


def _probly_ls():
    ns = load('probly__calibration_torch.py', 'LabelSmoothingLoss')
    x, t = logits(), labels()
    return all_close((ns['LabelSmoothingLoss'](0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)))


def _probly_focal():
    ns = load('probly__calibration_torch.py', 'FocalLoss')
    x, t = logits(), labels()
    lp = F.log_softmax(x, -1).gather(1, t[:, None])[:, 0]
    return all_close((ns['FocalLoss'](0.5, 2)(x, t), (-0.5 * (1 - lp.exp()) ** 2 * lp).mean()))


def _tu_bce_ls():
    ns = load('torchuncertainty__classification.py', 'BCEWithLogitsLSLoss')
    x, y = torch.randn(6, 3), torch.randint(0, 2, (6, 3)).to(DT)
    a = 0.2
    ok, d = all_close((ns['BCEWithLogitsLSLoss'](label_smoothing=a)(x, y), bce_logits(x, y * (1 - a) + a / 2).mean()),
                      (ns['BCEWithLogitsLSLoss']()(x, y), bce_logits(x, y).mean()), tol=1e-6)
    return ok, f'BCE against t·(1−a) + a/2 (the code casts targets to float32); a = 0 plain BCE: {d}'


def _tu_cp():
    ns = load('torchuncertainty__classification.py', 'ConfidencePenaltyLoss')
    x, t = logits(), labels()
    p = F.softmax(x, 1)
    kl_pu = (p * (p.log() + math.log(7))).sum(1)
    ref = F.cross_entropy(x, t) + 0.5 * kl_pu.mean()
    got = ns['ConfidencePenaltyLoss'](reg_weight=0.5, eps=0.0)(x, t)
    smooth = F.cross_entropy(x, t, label_smoothing=0.5 / 1.5) * 1.5
    ok, d = all_close((got, ref))
    return ok and abs(got - smooth).item() > 1e-3, f'CE on hard targets + w·KL(p‖u) (the penalty is on the output, not a smoothed target; differs from (1+w)·CE_ls by {abs(got - smooth).item():.3g}): {d}'


def _tu_conflictual():
    ns = load('torchuncertainty__classification.py', 'ConflictualLoss')
    x, t = logits(), labels()
    torch.manual_seed(5)
    got = ns['ConflictualLoss'](reg_weight=0.3)(x, t)
    torch.manual_seed(5)
    c = torch.randint(0, 7, (1,))
    ref = F.cross_entropy(x, t) + 0.3 * (-F.log_softmax(x, 1)[:, c]).mean()
    return all_close((got, ref))


def _tu_focal():
    ns = load('torchuncertainty__classification.py', 'FocalLoss')
    x, t = logits(), labels()
    lp = F.log_softmax(x, -1).gather(1, t[:, None])[:, 0]
    return all_close((ns['FocalLoss'](gamma=2.0)(x, t), (-(1 - lp.exp()) ** 2 * lp).mean()))


def _tu_dec():
    ns = load('torchuncertainty__classification.py', 'DECLoss')
    ev, t = torch.rand(6, 7) * 3, labels()
    al = ev + 1
    ref = (onehot(t, 7) * (al.sum(1, keepdim=True).log() - al.log())).sum(1).mean()
    return all_close((ns['DECLoss'](loss_type='log')(ev, t), ref))


def _snip_builder():
    ns = load('torchsnipets/losses/label_smoothing.py', 'one_hot_label_smoothing')
    x, t = logits(), labels()
    return all_close((ns['one_hot_label_smoothing'](x, t, 0.2), km1_target(t, 7, 0.2)))


def _snip_ce():
    ns = load('torchsnipets/losses/label_smoothing.py', 'one_hot_label_smoothing')
    load('torchsnipets/losses/smooth_cross_entropy.py', 'smooth_cross_entropy', ns=ns)
    x, t = logits(), labels()
    q = km1_target(t, 7, 0.2)
    ok, d = all_close((ns['smooth_cross_entropy'](x, t, 0.2), kl_rows(q, F.log_softmax(x, 1)).mean()))
    return ok, f'KL(q‖p) with q = 1−ε / ε/(K−1) (CE minus the constant H(q)): {d}'


def _cvpods_cls():
    ns = load('cvpods__label_smooth_ce_loss.py', 'LabelSmoothCELoss')
    x, t = logits(), labels()
    return all_close((ns['LabelSmoothCELoss'](0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)))


def _cvpods_fn():
    ns = load('cvpods__label_smooth_ce_loss.py', 'label_smooth_ce_loss')
    x, t = logits(), labels()
    return all_close((ns['label_smooth_ce_loss'](x, t, 0.2), F.cross_entropy(x, t, label_smoothing=0.2)))


def _ils_ns():
    return base_ns(device='cpu')


def _ils_uniform():
    ns = load('instancels__loss.py', 'LabelSmoothingCrossEntropyLoss', ns=_ils_ns())
    x, t = logits(), labels()
    return all_close((ns['LabelSmoothingCrossEntropyLoss'](0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)))


def _ils_class():
    ns = load('instancels__loss.py', 'CLabelSmoothingCrossEntropyLoss', ns=_ils_ns())
    x, t = logits(), labels()
    avg = torch.randn(7, 7)
    A = F.softmax(avg, -1)
    sums = A.sum(-1) - torch.diag(A)
    q = torch.stack([torch.where(torch.arange(7) == ti, torch.tensor(0.8), 0.2 * (1 - A[ti]) / sums[ti]) for ti in t])
    got = ns['CLabelSmoothingCrossEntropyLoss'](avg.clone(), smoothing=0.2, num_classes=7)(x, t)
    ok, d = all_close((got, ce_mean(x, q)))
    return ok, f'off-target ε·(1−A[y,j])/Σ_{{k≠y}}A[y,k]; rows sum to {q.sum(1).min().item():.3f}..{q.sum(1).max().item():.3f}, not 1: {d}'


def _teacher(x):
    z = torch.randn_like(x)
    return (lambda inputs: z), F.softmax(z, -1)


def _ils1():
    ns = load('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss1', ns=_ils_ns())
    x, t = logits(), labels()
    net, _ = _teacher(x)
    ns['ILabelSmoothingCrossEntropyLoss1'](net, smoothing=0.2, num_classes=7)(x, t, None)
    return True, 'ran'


def _ils11():
    ns = load('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss11', ns=_ils_ns())
    x, t = logits(), labels()
    net, p = _teacher(x)
    e = 0.2 * (1 - p.gather(1, t[:, None])[:, 0])
    q = (1 - e)[:, None] * onehot(t, 7) + (e / 6)[:, None] * (1 - onehot(t, 7))
    ok, d = all_close((ns['ILabelSmoothingCrossEntropyLoss11'](net, smoothing=0.2, num_classes=7)(x, t, None),
                       ce_mean(x, q)))
    return ok, f'per-sample ε_i = ε·(1 − p_teacher[y]): 1−ε_i on y, ε_i/(K−1) elsewhere: {d}'


def _ils_teacher_prop(name, target_conf):
    ns = load('instancels__loss.py', name, ns=_ils_ns())
    x, t = logits(), labels()
    net, p = _teacher(x)
    py = p.gather(1, t[:, None])[:, 0]
    off = 0.2 * p / (1 - py)[:, None]
    q = off * (1 - onehot(t, 7)) + target_conf(py)[:, None] * onehot(t, 7)
    ok, d = all_close((ns[name](net, smoothing=0.2, num_classes=7)(x, t, None), ce_mean(x, q)))
    return ok, f'off-target ε·p_j/(1−p_y) (teacher-proportional), target rows sum to {q.sum(1).min().item():.3f}..{q.sum(1).max().item():.3f}: {d}'


def _els():
    ns = load('els__cdan.py', 'ConditionalDomainAdversarialLoss', 'MultiLinearMap',
              ns=base_ns(Optional=__import__('typing').Optional, WarmStartGradientReverseLayer=lambda **kw: (lambda h: h),
                         entropy=lambda g: -(g * g.log()).sum(1), binary_accuracy=lambda d, l: 0.0))
    disc = nn.Sequential(nn.Linear(4 * 3, 1), nn.Sigmoid()).to(DT)
    m = ns['ConditionalDomainAdversarialLoss'](disc, eps=0.1)
    gs, fs, gt, ft = torch.randn(5, 3), torch.randn(5, 4), torch.randn(5, 3), torch.randn(5, 4)
    g = F.softmax(torch.cat((gs, gt)), 1)
    h = torch.bmm(g.unsqueeze(2), torch.cat((fs, ft)).unsqueeze(1)).view(10, -1)
    d = disc(h)
    y = torch.cat((torch.ones(5, 1), torch.zeros(5, 1)))
    a = 0.2
    ref = F.binary_cross_entropy(d, y * (1 - a) + a / 2)
    ok, dd = all_close((m(gs, fs, gt, ft), ref))
    return ok, f'domain labels 1−ε / ε = binary smoothing t·(1−a) + a/2 with a = 2ε: {dd}'


def _ml_encode():
    ns = load('multilabells__utils.py', 'encode_labels_smooth',
              ns=base_ns(object_categories=['c%d' % i for i in range(20)], print=lambda *a: None))
    tgt = {'annotation': {'object': [{'name': 'c3', 'difficult': '0'}, {'name': 'c7', 'difficult': '0'}]}}
    k = torch.zeros(20)
    k[[3, 7]] = 1
    return all_close((ns['encode_labels_smooth'](tgt, 0.1), k * 0.9 + 0.1 / 20))


def _ml_smooth():
    ns = load('multilabells__utils.py', 'smooth_labels')
    y = torch.randint(0, 2, (4, 20)).to(DT)
    ok, d = all_close((ns['smooth_labels'](y.clone(), 0.1), y * 0.9 + 0.1 / 4))
    return ok, f'a (N, K) batch gets ε/N (len() is the batch size), not ε/K: {d}'


def main():
    check('deeplabcut__kl_discrete.py', 'KLDiscreteLoss', _dlc_kl)
    check('dlg__utils.py', 'cross_entropy_for_onehot', _dlg_ce)
    check('centerloss__center_loss.py', 'CenterLoss', _center)
    check('crc__loss.py', 'crossentropyloss', _crc)
    check('aicupfall__loss.py', 'MixUpLoss', _aicup_mixup)
    check('aicupfall__loss.py', 'InOutLoss', _aicup_inout)
    check('minf__distillation.py', 'distillation', _minf_kd)
    check('sslsv__DINO.py', 'DINOLoss', _sslsv_dino)
    check('sslsv__Custom.py', 'NormalizedSoftmaxLoss', _sslsv_nsoftmax)
    check('cvpods__grw_loss.py', 'GRWCrossEntropyLoss', _cvpods_grw)
    check('mmrotate__smooth_focal_loss.py', 'smooth_focal_loss', _mmrotate_focal)
    check('probly__calibration_torch.py', 'LabelRelaxationLoss', _probly_lr)
    check('probly__calibration_torch.py', 'LabelSmoothingLoss', _probly_ls)
    check('probly__calibration_torch.py', 'FocalLoss', _probly_focal)
    check('torchuncertainty__classification.py', 'BCEWithLogitsLSLoss', _tu_bce_ls)
    check('torchuncertainty__classification.py', 'ConfidencePenaltyLoss', _tu_cp)
    check('torchuncertainty__classification.py', 'ConflictualLoss', _tu_conflictual)
    check('torchuncertainty__classification.py', 'FocalLoss', _tu_focal)
    check('torchuncertainty__classification.py', 'DECLoss', _tu_dec)
    check('torchsnipets/losses/label_smoothing.py', 'one_hot_label_smoothing', _snip_builder)
    check('torchsnipets/losses/smooth_cross_entropy.py', 'smooth_cross_entropy', _snip_ce)
    check('cvpods__label_smooth_ce_loss.py', 'LabelSmoothCELoss', _cvpods_cls)
    check('cvpods__label_smooth_ce_loss.py', 'label_smooth_ce_loss', _cvpods_fn)
    check('instancels__loss.py', 'LabelSmoothingCrossEntropyLoss', _ils_uniform)
    check('instancels__loss.py', 'CLabelSmoothingCrossEntropyLoss', _ils_class)
    check('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss1', _ils1)
    check('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss11', _ils11)
    check('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss2',
          lambda: _ils_teacher_prop('ILabelSmoothingCrossEntropyLoss2', lambda py: torch.full_like(py, 0.8)))
    check('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss12',
          lambda: _ils_teacher_prop('ILabelSmoothingCrossEntropyLoss12', lambda py: 1 - 0.2 * py))
    check('instancels__loss.py', 'ILabelSmoothingCrossEntropyLoss112',
          lambda: _ils_teacher_prop('ILabelSmoothingCrossEntropyLoss112', lambda py: 1 - 0.2 * (1 - py)))
    check('els__cdan.py', 'ConditionalDomainAdversarialLoss', _els)
    check('multilabells__utils.py', 'encode_labels_smooth', _ml_encode)
    check('multilabells__utils.py', 'smooth_labels', _ml_smooth)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
