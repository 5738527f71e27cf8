#!/usr/bin/python3
"""Numerical checks for the labels of the files added for targets that are neither hard labels nor a standard
smoothing (the `other` family): bootstrapping, joint optimisation, online label smoothing, ELR, label relaxation,
confidence / entropy penalties. Same method as verify_all.py, whose helpers it reuses.

`other` is checked by showing what the loss is a cross-entropy (or KL) against: a target that mixes the labels with
the model's own prediction or with a stored, running table, which no fixed convention gives. `none` is checked
against torch's hard-label call (or the closed form on p_y for GCE / SCE). Run: /usr/bin/python3 verify_other_family.py
"""
import json
import math
import os
import types

import torch
import torch.nn.functional as F

from verify_all import DT, E, K, N, X, Y, RESULTS, base_ns, ce_rows, check, close, load, q_km1, q_uniform

HERE = os.path.dirname(os.path.abspath(__file__))
torch.Tensor.cuda = lambda self, *a, **k: self  # the code calls .cuda() on small buffers
OH = F.one_hot(Y, K).to(DT)
P = F.softmax(X, 1)
FILE = 'zhangchbin_ols__loss_all_methods.py'


def t_sce():
    ns = load(FILE, 'SCELoss')
    a, b = 0.3, 0.7
    got = ns['SCELoss'](a, b, K)(X, Y)
    pc = P.clamp(1e-7, 1)
    ce = -(OH.clamp(1e-4, 1) * pc.log()).sum(1).mean()
    rce = -math.log(1e-4) * (1 - (OH * pc).sum(1)).mean()  # A·(1 − p_y): a function of p_y on the hard labels
    return close(got, a * ce + b * rce)


def t_label_smooth():
    ns = load(FILE, 'label_smooth')
    return close(ns['label_smooth'](K)(X, Y), F.cross_entropy(X, Y, label_smoothing=0.1))


def t_gce():
    ns = load(FILE, 'generalized_cross_entropy')
    py = P.gather(1, Y.view(-1, 1)).squeeze(1)
    return close(ns['generalized_cross_entropy'](K)(X, Y), ((1 - py**0.7) / 0.7).mean())


def t_joint():
    ns = load(FILE, 'joint_optimization')
    got = ns['joint_optimization'](K)(X, Y)
    prior = -(torch.full((K,), 1.0 / K, dtype=DT) * P.mean(0).log()).sum()
    # l_c + 0.8·l_e is the cross-entropy against onehot + 0.8·p: the model's own prediction in the target.
    want = ce_rows(X, OH + 0.8 * P.detach()).mean() + 1.2 * prior
    return close(got, want)


def t_boot(which):
    ns = load(FILE, which)
    pc = P.clamp(1e-7, 1 - 1e-7)
    if which == 'boot_soft':
        q = 0.95 * OH + 0.05 * pc
    else:
        q = 0.8 * OH + 0.2 * F.one_hot(P.argmax(1), K).to(DT)
    return close(ns[which](K)(X, Y), -(q * pc.log()).sum(1).mean())


def t_correction(which):
    ns = load(FILE, which)
    crit = ns[which](K)
    if which == 'Forward':  # probs @ p: both float64 (Backward multiplies float32 one-hots by p⁻¹ itself)
        crit.p = crit.p.to(DT)
    # With the identity noise matrix both corrections are plain cross-entropy on the hard labels.
    return close(crit(X, Y), F.cross_entropy(X, Y))


def t_disturb():
    ns = load(FILE, 'DisturbLabel')
    crit = ns['DisturbLabel'](K)
    crit.bound = 0.0  # no label disturbed: plain cross-entropy on (randomly replaced) hard labels
    return close(crit(X, Y), F.cross_entropy(X, Y))


def t_pc():
    ns = load(FILE, 'PC')
    x, y = X[:6], Y[:6]  # the two halves of the batch are compared: an even batch
    reg = torch.norm((x[:3] - x[3:]).abs(), 2, dim=0).sum() / 6
    return close(ns['PC'](K)(x, y), F.cross_entropy(x, y) + 10 * reg)


def t_kurumi_ols():
    ns = load('kurumi_ols__OLS.py', 'OnlineLabelSmoothing', ns=base_ns(Counter=__import__('collections').Counter))
    crit = ns['OnlineLabelSmoothing'](num_classes=K)
    table = torch.softmax(torch.randn(K, K, dtype=DT), 1)  # a learned class-by-class soft-label table
    crit.matrix = table.clone()
    crit.grad = crit.grad.to(DT)
    crit.eval()
    return close(crit(X, Y), ce_rows(X, table[Y]).mean())


def t_ankandrew_ols():
    ns = load('ankandrew_ols__online_label_smooth.py', 'OnlineLabelSmoothing',
              ns=base_ns(LabelSmoothingLoss=None))
    a = 0.5
    crit = ns['OnlineLabelSmoothing'](alpha=a, n_classes=K, smoothing=E).double()
    crit.eval()  # training mode only also accumulates the next epoch's table
    first = close(crit(X, Y), a * F.cross_entropy(X, Y) + (1 - a) * ce_rows(X, q_km1(Y, K, E)).mean())
    table = torch.softmax(torch.randn(K, K, dtype=DT), 0)  # column c: the soft label of class c
    crit.supervise = table.clone()
    later = close(crit(X, Y), a * F.cross_entropy(X, Y) + (1 - a) * ce_rows(X, table[:, Y].t()).mean())
    # epoch 1 is K−1 smoothing; later epochs follow the table accumulated from the model's correct predictions
    return first[0] and later[0], (first, later)


def t_elr():
    ns = load('elr__loss.py', 'elr_loss')
    lam = 3.0
    cfg = {'train_loss': {'args': {'lambda': lam}}}
    ns['ConfigParser'] = types.SimpleNamespace(get_instance=lambda: cfg)
    crit = ns['elr_loss'](num_examp=N, num_classes=K, beta=0.7)
    crit.target = crit.target.to(DT)
    idx = torch.arange(N)
    got = crit(idx, X, Y)
    pc = P.clamp(1e-4, 1 - 1e-4)
    t = 0.3 * pc / pc.sum(1, keepdim=True)  # running average of the model's own predictions
    return close(got, F.cross_entropy(X, Y) + lam * (1 - (t * pc).sum(1)).log().mean())


def credal(alpha):
    rest = ((1 - OH) * P).sum(1, keepdim=True)
    return torch.where(OH > 0.1, 1 - alpha + 0 * P, alpha * P / rest)


def relaxation_ref(alpha):
    q = credal(alpha)
    div = F.kl_div(P.log(), q, reduction='none').sum(1)
    py = (P * OH).sum(1)
    return torch.where(py > 1 - alpha, torch.zeros_like(div), div).mean()


def t_lr_torch():
    ns = load('label_relaxation__lr_torch.py', 'LabelRelaxationLoss')
    a = 0.4
    crit = ns['LabelRelaxationLoss'](alpha=a, num_classes=K)
    return close(crit(X, Y), relaxation_ref(a))


def t_lr_closed(which):
    ns = load('label_relaxation__loss.py', '_targets_to_indices', 'label_relaxation_loss', 'LabelRelaxationLoss',
              ns=base_ns(_REDUCTIONS=('mean', 'sum', 'none')))
    a = 0.4
    got = ns['label_relaxation_loss'](X, Y, alpha=a) if which == 'fn' else ns['LabelRelaxationLoss'](alpha=a)(X, Y)
    return close(got, relaxation_ref(a))


def crit_ns():
    return load('nii_pathologies__criterions.py', 'cross_entropy', 'label_smoothing', 'confidence_penalty',
                'j_penalty', 'js_penalty')


def t_crit(which):
    ns = crit_ns()
    b = 0.3
    got = ns[which](X, Y, beta=b)[0]
    u = torch.full((K,), 1.0 / K, dtype=DT)
    if which == 'cross_entropy':
        return close(got, F.cross_entropy(X, Y))
    if which == 'label_smoothing':
        # CE against onehot + β/K: mass 1 + β, i.e. (1 + β)·uniform smoothing with ε = β/(1 + β)
        a = close(got, ce_rows(X, OH + b / K).mean())
        c = close(got, (1 + b) * F.cross_entropy(X, Y, label_smoothing=b / (1 + b)))
        return a[0] and c[0], (a, c)
    if which == 'confidence_penalty':
        return close(got, ce_rows(X, OH - b * P.detach()).mean())  # target onehot − β·p (own prediction)
    if which == 'j_penalty':
        return close(got, ce_rows(X, OH + b / K - b * P.detach()).mean())
    m = 0.5 * (P + u)
    js = (-(m * m.log()).sum(1) - 0.5 * (-(P * P.log()).sum(1)) - 0.5 * math.log(K)).clamp(min=1e-10)
    return close(got, F.cross_entropy(X, Y) + b * js.mean())


def t_pskd():
    src = os.path.join(HERE, '..', '..', 'negative', 'pskd__pskd_loss.py')
    ns = load('pskd__pskd_loss.py', 'Custom_CrossEntropy_PSKD', src=src)
    t = 0.6 * OH + 0.4 * torch.softmax(torch.randn(N, K, dtype=DT), 1)  # the caller's PS-KD target
    return close(ns['Custom_CrossEntropy_PSKD']()(X, t), ce_rows(X, t).mean())


def mif(name, *args, **kw):
    src = os.path.join(HERE, '..', '..', 'negative', 'mif_dti__LossFunction.py')
    return load('mif_dti__LossFunction.py', name, src=src)[name](*args, **kw)


def t_mif(which):
    x, y = X[:, :2], (Y % 2)
    p = F.softmax(x, 1)
    py = p.gather(1, y.view(-1, 1)).squeeze(1)
    ce = F.cross_entropy(x, y, reduction='none')
    if which == 'PolyLoss':
        return close(mif('PolyLoss', None, 'cpu', epsilon=2.0)(x, y), (ce + 2.0 * (1 - py)).mean())
    if which == 'CELoss':
        return close(mif('CELoss', None, 'cpu')(x, y), ce.mean())
    if which == 'FocalLoss':
        return close(mif('FocalLoss', gamma=2)(x, y), ((1 - py) ** 2 * ce).mean())
    return close(mif('HybridLoss', DEVICE='cpu')(x, y), (0.5 * ce + 0.5 * (1 - py) ** 2 * ce).mean())


if __name__ == '__main__':
    RESULTS.clear()
    check(FILE, 'SCELoss', t_sce)
    check(FILE, 'label_smooth', t_label_smooth)
    check(FILE, 'generalized_cross_entropy', t_gce)
    check(FILE, 'joint_optimization', t_joint)
    check(FILE, 'boot_soft', lambda: t_boot('boot_soft'))
    check(FILE, 'boot_hard', lambda: t_boot('boot_hard'))
    check(FILE, 'Forward', lambda: t_correction('Forward'))
    check(FILE, 'Backward', lambda: t_correction('Backward'))
    check(FILE, 'DisturbLabel', t_disturb)
    check(FILE, 'PC', t_pc)
    check('kurumi_ols__OLS.py', 'OnlineLabelSmoothing', t_kurumi_ols)
    check('ankandrew_ols__online_label_smooth.py', 'OnlineLabelSmoothing', t_ankandrew_ols)
    check('elr__loss.py', 'elr_loss', t_elr)
    check('label_relaxation__lr_torch.py', 'LabelRelaxationLoss', t_lr_torch)
    check('label_relaxation__loss.py', 'label_relaxation_loss', lambda: t_lr_closed('fn'))
    check('label_relaxation__loss.py', 'LabelRelaxationLoss', lambda: t_lr_closed('cls'))
    for name in ('cross_entropy', 'label_smoothing', 'confidence_penalty', 'j_penalty', 'js_penalty'):
        check('nii_pathologies__criterions.py', name, lambda name=name: t_crit(name))
    check('../negative/pskd__pskd_loss.py', 'Custom_CrossEntropy_PSKD', t_pskd)
    for name in ('PolyLoss', 'CELoss', 'FocalLoss', 'HybridLoss'):
        check('../negative/mif_dti__LossFunction.py', name, lambda name=name: t_mif(name))
    with open(os.path.join(HERE, 'results_other_family.json'), 'w') as f:
        json.dump(RESULTS, f, indent=1, sort_keys=True)
