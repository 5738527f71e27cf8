#!/usr/bin/python3
"""Numerical checks for the fresh2 held-out labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_fresh2.py
Each check pulls the named class/function source out of the saved corpus file (by name, via ast, decorators
dropped), executes it in a namespace with small stubs for project-internal imports (and `.cuda()` made a no-op
where the code calls it unconditionally), feeds random float64 logits/targets and compares the result against
the reference for the labelled convention. Prints PASS/FAIL per label and writes results.json next to this file.
"""
import argparse
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

# unconditional .cuda() calls in the corpus code: make them no-ops on this CPU-only machine
torch.Tensor.cuda = lambda self, *a, **k: self
nn.Module.cuda = lambda self, *a, **k: self


def base_ns(**extra):
    import typing
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Tensor=torch.Tensor, Variable=lambda x, **k: x,
              Optional=typing.Optional, Dict=typing.Dict, List=typing.List, Tuple=typing.Tuple,
              Union=typing.Union, Any=typing.Any, Module=nn.Module, argparse=argparse)
    ns.update(extra)
    return ns


def load(fname, *names, ns=None, strip_decorators=True):
    """exec the named top-level defs/classes of a corpus file into ns."""
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    # python2-era `x.cuda(async=True)` (a syntax error since 3.7) in two files: only to be able to parse them here
    text = text.replace('async=True', 'non_blocking=True')
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    ns = base_ns() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        start = node.lineno - 1  # decorators sit above node.lineno in py3.8+
        seg = ''.join(lines[start:node.end_lineno])
        exec(compile(textwrap.dedent(seg), f'{fname}:{name}', 'exec'), ns)
    return ns


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + ('' if ok else '  -- ' + str(detail)))


def close(a, b, tol=1e-8):
    a = torch.as_tensor(a, dtype=DT)
    b = torch.as_tensor(b, dtype=DT)
    d = (a - b).abs().max().item()
    return d <= tol * max(1.0, b.abs().max().item()), f'max|diff|={d:.3g}'


def rand_logits(n=6, k=7):
    return torch.randn(n, k, dtype=DT) * 2


def rand_target(n=6, k=7):
    return torch.randint(0, k, (n,))


def km1_target(t, k, eps):
    d = torch.full((t.numel(), k), eps / (k - 1), dtype=DT)
    d.scatter_(1, t.view(-1, 1), 1 - eps)
    return d


def soft_ce(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


# ---------------------------------------------------------------- tfkd__my_loss_function.py
f = 'tfkd__my_loss_function.py'
ns = load(f, 'loss_kd', 'loss_kd_self', 'loss_kd_regularization', 'loss_label_smoothing')


def _tfkd_kd():
    x, t, te = rand_logits(), rand_target(), rand_logits()
    p = types.SimpleNamespace(alpha=0.3, temperature=4.0, multiplier=1.0)
    got = ns['loss_kd'](x, t, te, p)
    T = 4.0
    q = F.softmax(te / T, 1)
    kl = (q * (q.log() - F.log_softmax(x / T, 1))).sum() / x.numel()  # KLDivLoss() default: mean over N*K
    ref = 0.7 * F.cross_entropy(x, t) + 0.3 * kl * T * T
    return close(got, ref)


def _tfkd_self():
    x, t, te = rand_logits(), rand_target(), rand_logits()
    p = types.SimpleNamespace(alpha=0.3, temperature=4.0, multiplier=10.0)
    got = ns['loss_kd_self'](x, t, te, p)
    T = 4.0
    q = F.softmax(te / T, 1)
    kl = (q * (q.log() - F.log_softmax(x / T, 1))).sum() / x.numel()
    ref = 0.7 * F.cross_entropy(x, t) + 0.3 * kl * T * T * 10.0
    return close(got, ref)


def _tfkd_reg():
    # The loss is (up to a constant in x) c * mean soft-CE against a K-1 smoothed target; find that target from
    # the gradient and check it is 1-e' on the true class and e'/(K-1) on every other class.
    n, k = 6, 7
    x = rand_logits(n, k).requires_grad_(True)
    t = rand_target(n, k)
    p = types.SimpleNamespace(reg_alpha=0.9, reg_temperature=20.0, multiplier=50.0)
    loss = ns['loss_kd_regularization'](x, t, p)
    (g,) = torch.autograd.grad(loss, x)
    # d/dx [ (1/N) sum_i c * softCE(x_i, q_i) ] = (c/N) (softmax(x_i) - q_i)   with sum(q_i) = 1
    pr = F.softmax(x.detach(), 1)
    # g*N = c*pr - c*q  ->  c = sum over classes of (g*N) ... sums to 0 in both terms, so solve with the true class:
    # use two classes: c*(pr_j - q_j) for j != y share q_j = e'/(K-1); solve c and q from the off-class entries.
    G = g * n
    ok_all = True
    eps_seen = []
    for i in range(n):
        off = [j for j in range(k) if j != t[i]]
        # G_j = c*pr_j - c*q_off for j off; two unknowns c, c*q_off: least squares
        A = torch.stack([pr[i, off], -torch.ones(len(off), dtype=DT)], 1)
        sol = torch.linalg.lstsq(A, G[i, off].unsqueeze(1)).solution.squeeze(1)
        c, cq = sol[0].item(), sol[1].item()
        resid = (A @ sol - G[i, off]).abs().max().item()
        q_off = cq / c
        q_true = 1 - (k - 1) * q_off
        pred_true = c * pr[i, t[i]] - c * q_true
        ok_all &= resid < 1e-10 and abs(pred_true - G[i, t[i]].item()) < 1e-10
        eps_seen.append(q_off * (k - 1))
    same = max(eps_seen) - min(eps_seen) < 1e-10
    return ok_all and same, f"effective K-1 eps'={eps_seen[0]:.4f} (same for every row: {same})"


def _tfkd_ls():
    x, t = rand_logits(), rand_target()
    got = ns['loss_label_smoothing'](x, t)
    ref = soft_ce(x, km1_target(t, 7, 0.1)).mean()
    return close(got, ref)


check(f, 'loss_kd', _tfkd_kd)
check(f, 'loss_kd_self', _tfkd_self)
check(f, 'loss_kd_regularization', _tfkd_reg)
check(f, 'loss_label_smoothing', _tfkd_ls)

# ---------------------------------------------------------------- repwalk__loss_func.py
f = 'repwalk__loss_func.py'
ns = load(f, 'CrossEntropy')


def _repwalk():
    x, t = rand_logits(5, 3), rand_target(5, 3)
    w = torch.randn(4)
    got = ns['CrossEntropy'](beta=0.01, eps=0.2)((x, w), t)
    ref = soft_ce(x, km1_target(t, 3, 0.2)).mean() + 0.01 * (w ** 2).mean()
    return close(got, ref)


check(f, 'CrossEntropy', _repwalk)

# ---------------------------------------------------------------- vietocr__labelsmoothingloss.py
f = 'vietocr__labelsmoothingloss.py'
ns = load(f, 'LabelSmoothingLoss')


def _k2pad(loss_fn, log_input=False, reduce='mean_rows'):
    k, pad, eps = 9, 1, 0.2
    x = rand_logits(8, k)
    t = rand_target(8, k)
    t[t == pad] = 0
    t[2] = pad
    t[5] = pad
    got = loss_fn(F.log_softmax(x, -1) if log_input else x, t)
    q = torch.full((8, k), eps / (k - 2))
    q.scatter_(1, t.view(-1, 1), 1 - eps)
    q[:, pad] = 0
    q[t == pad] = 0
    if reduce == 'mean_rows':
        ref = soft_ce(x, q).mean()
    else:  # KL summed
        lp = F.log_softmax(x, -1)
        ref = torch.where(q > 0, q * (q.clamp_min(1e-300).log() - lp), torch.zeros_like(q)).sum()
    return close(got, ref)


check(f, 'LabelSmoothingLoss', lambda: _k2pad(ns['LabelSmoothingLoss'](9, 1, smoothing=0.2)))

# ---------------------------------------------------------------- pycommon__smooth_celoss.py
f = 'pycommon__smooth_celoss.py'
ns = load(f, 'CELoss')


def _pycommon_ce():
    x, t = rand_logits(6, 7), rand_target(6, 7)
    got = ns['CELoss'](label_smooth=0.1, class_num=7)(x, t)
    ref = soft_ce(x, km1_target(t, 7, 0.1)).mean()
    ok1, d1 = close(got, ref, tol=1e-6)  # the code casts the one-hot target to float32
    got0 = ns['CELoss'](label_smooth=None, class_num=7)(x, t)
    ok2, d2 = close(got0, F.cross_entropy(x, t), tol=1e-9)
    return ok1 and ok2, f'smoothed: {d1}; label_smooth=None vs plain CE: {d2}'


check(f, 'CELoss', _pycommon_ce)

# ---------------------------------------------------------------- pycommon__focal_loss.py
f = 'pycommon__focal_loss.py'
ns = load(f, 'BCEFocalLoss', 'MultiFocalLoss', 'NerFocalLoss')


def _bcefocal():
    x = torch.randn(20)
    y = torch.randint(0, 2, (20,)).to(DT)
    got = ns['BCEFocalLoss'](gamma=0, alpha=0.5)(x, y)
    return close(got, 0.5 * F.binary_cross_entropy_with_logits(x, y))


def _multifocal():
    x, t = rand_logits(), rand_target()
    got = ns['MultiFocalLoss'](7, gamma=0)(x, t)
    return close(got, F.cross_entropy(x, t))


def _nerfocal():
    x = torch.randn(2, 5, 3)
    t = torch.randint(0, 3, (2, 5))
    m = torch.ones(2, 5)
    got = ns['NerFocalLoss'](3, gamma=0)(x, m, t)
    return close(got, F.cross_entropy(x.view(-1, 3), t.view(-1)))


check(f, 'BCEFocalLoss', _bcefocal)
check(f, 'MultiFocalLoss', _multifocal)
check(f, 'NerFocalLoss', _nerfocal)

# ---------------------------------------------------------------- dividemix__Train_cifar.py
f = 'dividemix__Train_cifar.py'
ns = load(f, 'SemiLoss', 'NegEntropy', ns=base_ns(linear_rampup=lambda c, w: 1.0))


def _semiloss():
    x, xu = rand_logits(), rand_logits()
    q = F.softmax(torch.randn(6, 7), 1)
    qu = F.softmax(torch.randn(6, 7), 1)
    Lx, Lu, lam = ns['SemiLoss']()(x, q, xu, qu, 0, 0)
    ok1, d1 = close(Lx, soft_ce(x, q).mean())
    ok2, d2 = close(Lu, ((F.softmax(xu, 1) - qu) ** 2).mean())
    return ok1 and ok2, f'Lx vs soft CE to the given target: {d1}; Lu MSE: {d2}'


def _negent():
    x = rand_logits()
    p = F.softmax(x, 1)
    return close(ns['NegEntropy']()(x), (p * p.log()).sum(1).mean())


check(f, 'SemiLoss', _semiloss)
check(f, 'NegEntropy', _negent)

# ---------------------------------------------------------------- encoding__loss.py
f = 'encoding__loss.py'
ns = load(f, 'LabelSmoothing', 'NLLMultiLabelSmooth', 'SegmentationLosses')


def _enc_ls():
    x, t = rand_logits(), rand_target()
    return close(ns['LabelSmoothing'](0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2))


def _enc_multi():
    x, t = rand_logits(), rand_target()
    m = ns['NLLMultiLabelSmooth'](0.2)
    m.train()
    # the code casts x and target to float32 in training mode
    ok1, d1 = close(m(x, F.one_hot(t, 7).to(DT)), F.cross_entropy(x, t, label_smoothing=0.2), tol=1e-6)
    m.eval()
    ok2, d2 = close(m(x, t), F.cross_entropy(x, t))
    return ok1 and ok2, f'train (one-hot target) vs torch uniform: {d1}; eval vs plain CE: {d2}'


def _enc_seg():
    x = torch.randn(2, 4, 3, 3)
    t = torch.randint(0, 4, (2, 3, 3))
    return close(ns['SegmentationLosses']()(x, t), F.cross_entropy(x, t))


check(f, 'LabelSmoothing', _enc_ls)
check(f, 'NLLMultiLabelSmooth', _enc_multi)
check(f, 'SegmentationLosses', _enc_seg)

# ---------------------------------------------------------------- dpo__trainers.py
f = 'dpo__trainers.py'
ns = load(f, 'preference_loss')


def _dpo():
    pc, pr, rc, rr = (torch.randn(8) for _ in range(4))
    beta, eps = 0.1, 0.2
    losses, _, _ = ns['preference_loss'](pc, pr, rc, rr, beta=beta, label_smoothing=eps)
    h = (pc - pr) - (rc - rr)
    ref = F.binary_cross_entropy_with_logits(beta * h, torch.full_like(h, 1 - eps), reduction='none')
    ok1, d1 = close(losses, ref)
    l0, _, _ = ns['preference_loss'](pc, pr, rc, rr, beta=beta, label_smoothing=0.0)
    ok2, d2 = close(l0, F.binary_cross_entropy_with_logits(beta * h, torch.ones_like(h), reduction='none'))
    return ok1 and ok2, f'vs BCE-with-logits(beta*h, target 1-eps): {d1}; eps=0 vs hard target 1: {d2}'


check(f, 'preference_loss', _dpo)

# ---------------------------------------------------------------- coteaching__loss.py
f = 'coteaching__loss.py'
ns = load(f, 'loss_coteaching')


def _cot():
    y1, y2, t = rand_logits(10, 7), rand_logits(10, 7), rand_target(10, 7)
    l1, l2, _, _ = ns['loss_coteaching'](y1, y2, t, 0.0, np.arange(10), np.ones(10))
    ok1, d1 = close(l1, F.cross_entropy(y1, t) / 10)
    ok2, d2 = close(l2, F.cross_entropy(y2, t) / 10)
    return ok1 and ok2, f'forget_rate=0: plain CE / num_remember ({d1}, {d2})'


check(f, 'loss_coteaching', _cot)

# ---------------------------------------------------------------- deeplab_xception__loss.py
f = 'deeplab_xception__loss.py'
ns = load(f, 'SegmentationLosses')


def _deeplab():
    x = torch.randn(2, 4, 3, 3)
    t = torch.randint(0, 4, (2, 3, 3)).to(DT)
    s = ns['SegmentationLosses'](batch_average=True)
    ok1, d1 = close(s.build_loss('ce')(x, t), F.cross_entropy(x, t.long()) / 2)
    ok2, d2 = close(s.build_loss('focal')(x, t, gamma=0, alpha=None), F.cross_entropy(x, t.long()) / 2)
    return ok1 and ok2, f'ce: {d1}; focal(gamma=0, alpha=None): {d2}'


check(f, 'SegmentationLosses', _deeplab)

# ---------------------------------------------------------------- ibm_seq2seq__loss.py
f = 'ibm_seq2seq__loss.py'
ns = load(f, 'Loss', 'NLLLoss', 'Perplexity')


def _ibm_nll():
    lp = F.log_softmax(rand_logits(), -1)
    t = rand_target()
    m = ns['NLLLoss']()
    m.reset()
    m.eval_batch(lp, t)
    return close(m.get_loss(), F.nll_loss(lp, t))


def _ibm_ppl():
    lp = F.log_softmax(rand_logits(), -1)
    t = rand_target()
    m = ns['Perplexity']()
    m.reset()
    m.eval_batch(lp, t)
    return close(m.get_loss(), math.exp(F.nll_loss(lp, t).item()))


check(f, 'NLLLoss', _ibm_nll)
check(f, 'Perplexity', _ibm_ppl)

# ---------------------------------------------------------------- proselflc__*.py
ParamException = type('ParamException', (Exception,), {})
pns = base_ns(ParamException=ParamException)
load('proselflc__crossentropy.py', 'CrossEntropy', ns=pns)
load('proselflc__lablesmoothing.py', 'LabelSmoothing', ns=pns)
load('proselflc__labelcorrection.py', 'LabelCorrection', ns=pns)
load('proselflc__confidencepenalty.py', 'ConfidencePenalty', ns=pns)
load('proselflc__proselflc.py', 'ProSelfLC', ns=pns)


def _psl_probs():
    x, t = rand_logits(), rand_target()
    return x, t, F.softmax(x, 1), F.one_hot(t, 7).to(DT)


def _psl_ce():
    x, t, p, y = _psl_probs()
    q = F.softmax(torch.randn(6, 7), 1)
    ok1, d1 = close(pns['CrossEntropy']()(p, q), (-(q * (p + 1e-6).log()).sum(1)).mean())
    ok2, d2 = close(pns['CrossEntropy']()(p, y), (-(y * (p + 1e-6).log()).sum(1)).mean())
    near = abs(pns['CrossEntropy']()(p, y).item() - F.cross_entropy(x, t).item()) < 1e-3
    return ok1 and ok2 and near, f'soft target: {d1}; one-hot target: {d2}, within 1e-3 of plain CE: {near}'


def _psl_ls():
    x, t, p, y = _psl_probs()
    got = pns['LabelSmoothing']({'epsilon': 0.2})(p, y)
    ok, d = close(got, (-((0.8 * y + 0.2 / 7) * (p + 1e-6).log()).sum(1)).mean())
    near = abs(got.item() - F.cross_entropy(x, t, label_smoothing=0.2).item()) < 1e-3
    return ok and near, d + f' vs (1-e)y+e/K with log(p+1e-6); within 1e-3 of torch label_smoothing: {near}'


def _psl_lc():
    x, t, p, y = _psl_probs()
    got = pns['LabelCorrection']({'epsilon': 0.3})(p, y)
    ref = (-((0.7 * y + 0.3 * p) * (p + 1e-6).log()).sum(1)).mean()
    # and it is NOT uniform smoothing
    far = abs(got.item() - F.cross_entropy(x, t, label_smoothing=0.3).item()) > 1e-3
    ok, d = close(got, ref)
    return ok and far, d + f'; differs from torch uniform: {far}'


def _psl_cp():
    x, t, p, y = _psl_probs()
    got = pns['ConfidencePenalty']({'epsilon': 0.3})(p, y)
    ref = (0.7 * -(y * (p + 1e-6).log()).sum(1) + 0.3 * (p * (p + 1e-6).log()).sum(1)).mean()
    return close(got, ref)


def _psl_pslc():
    x, t, p, y = _psl_probs()
    m = pns['ProSelfLC']({'total_epochs': 10, 'exp_base': 6, 'counter': 'epoch', 'transit_time_ratio': 0.3})
    got = m(p, y, 5)
    g = 1 / (1 + math.exp(-6 * (5 / 10 - 0.3)))
    H = -((p + 1e-12) * (p + 1e-12).log()).sum(1)
    e = (g * (1 - H / math.log(7)))[:, None]
    ref = (-(((1 - e) * y + e * p) * (p + 1e-6).log()).sum(1)).mean()
    return close(got, ref)


check('proselflc__crossentropy.py', 'CrossEntropy', _psl_ce)
check('proselflc__lablesmoothing.py', 'LabelSmoothing', _psl_ls)
check('proselflc__labelcorrection.py', 'LabelCorrection', _psl_lc)
check('proselflc__confidencepenalty.py', 'ConfidencePenalty', _psl_cp)
check('proselflc__proselflc.py', 'ProSelfLC', _psl_pslc)

# ---------------------------------------------------------------- liteasr__hybrid_ctc_attn.py
f = 'liteasr__hybrid_ctc_attn.py'


class _LiteasrLoss:
    def __init__(self, cfg):
        self.cfg = cfg


ns = load(f, 'HybridCTCLoss', ns=base_ns(LiteasrLoss=_LiteasrLoss, register_criterion=lambda *a, **k: (lambda c: c),
                                          LiteasrModel=object, HybridCTCLossConfig=object))


def _liteasr():
    B, L, V, T, pad, eps = 3, 4, 6, 8, -1, 0.2
    h_attn = torch.randn(B, L, V)
    tgt = torch.randint(1, V, (B, L))
    tgt[0, 3] = pad
    tgt[2, 2:] = pad

    class M:
        def __call__(self, *a):
            return h_attn, torch.randn(B, T, V)

        def get_target(self, ys, ylens):
            return tgt.clone(), torch.randint(1, V, (B, 2))

        def get_pred_len(self, xlens):
            return torch.full((B,), T, dtype=torch.long)

    cfg = types.SimpleNamespace(vocab_size=V, padding_idx=pad, smoothing=eps, ctc_weight=0.0)
    got = ns['HybridCTCLoss'](cfg)(M(), None, None, torch.zeros(B, 1), torch.full((B,), 2, dtype=torch.long))
    t = tgt.view(-1)
    keep = t != pad
    x = h_attn.view(-1, V)[keep]
    q = km1_target(t[keep], V, eps)
    lp = F.log_softmax(x, 1)
    ref = (q * (q.log() - lp)).sum() / B
    return close(got, ref)


check(f, 'HybridCTCLoss', _liteasr)

# ---------------------------------------------------------------- labml__label_smoothing_loss.py
f = 'labml__label_smoothing_loss.py'
ns = load(f, 'LabelSmoothingLoss')
check(f, 'LabelSmoothingLoss', lambda: _k2pad(ns['LabelSmoothingLoss'](9, 1, 0.2), log_input=True, reduce='kl_sum'))

# ---------------------------------------------------------------- labml__gan_original.py
f = 'labml__gan_original.py'
ns = load(f, 'DiscriminatorLogitsLoss', 'GeneratorLogitsLoss', '_create_labels')


def _gan_d():
    s = 0.2
    m = ns['DiscriminatorLogitsLoss'](s)
    lt, lf = torch.randn(300, 1), torch.randn(300, 1)
    a, b = m(lt, lf)
    yt, yf = m.labels_true[:300], m.labels_false[:300]
    rng = bool(((yt >= 1 - s) & (yt <= 1)).all() and ((yf >= 0) & (yf <= s)).all())
    ok1, d1 = close(a, F.binary_cross_entropy_with_logits(lt, yt))
    ok2, d2 = close(b, F.binary_cross_entropy_with_logits(lf, yf))
    mean_t, mean_f = yt.mean().item(), yf.mean().item()
    near = abs(mean_t - (1 - s / 2)) < 0.02 and abs(mean_f - s / 2) < 0.02
    return ok1 and ok2 and rng and near, (f'real targets U(1-s,1) mean {mean_t:.3f}, fake U(0,s) mean {mean_f:.3f} '
                                          f'(expected y(1-s)+s/2: {1 - s / 2}, {s / 2}); {d1}; {d2}')


def _gan_g():
    s = 0.2
    m = ns['GeneratorLogitsLoss'](s)
    lg = torch.randn(100, 1)
    y = m.fake_labels[:100]
    ok, d = close(m(lg), F.binary_cross_entropy_with_logits(lg, y))
    rng = bool(((y >= 1 - s) & (y <= 1)).all())
    return ok and rng, d + f'; targets in [1-s, 1]: {rng}'


check(f, 'DiscriminatorLogitsLoss', _gan_d)
check(f, 'GeneratorLogitsLoss', _gan_g)

# ---------------------------------------------------------------- vitcifar__criterions.py
f = 'vitcifar__criterions.py'
ns = load(f, 'LabelSmoothingCrossEntropyLoss')


def _vitcifar():
    x, t = rand_logits(), rand_target()
    return close(ns['LabelSmoothingCrossEntropyLoss'](7, smoothing=0.1)(x, t), soft_ce(x, km1_target(t, 7, 0.1)).mean())


check(f, 'LabelSmoothingCrossEntropyLoss', _vitcifar)

f = 'vitcifar__utils.py'
ns = load(f, 'get_criterion', ns=base_ns(LabelSmoothingCrossEntropyLoss=load(
    'vitcifar__criterions.py', 'LabelSmoothingCrossEntropyLoss')['LabelSmoothingCrossEntropyLoss']))


def _vitcifar_get():
    x, t = rand_logits(), rand_target()
    a = types.SimpleNamespace(criterion='ce', label_smoothing=True, num_classes=7, smoothing=0.1)
    ok1, d1 = close(ns['get_criterion'](a)(x, t), soft_ce(x, km1_target(t, 7, 0.1)).mean())
    a.label_smoothing = False
    ok2, d2 = close(ns['get_criterion'](a)(x, t), F.cross_entropy(x, t))
    return ok1 and ok2, f'--label-smoothing: K-1 target {d1}; without: plain CE {d2}'


check(f, 'get_criterion', _vitcifar_get)

# ---------------------------------------------------------------- cvnets__*.py


class _BaseCriteria(nn.Module):
    def __init__(self, opts, *a, **k):
        super().__init__()


class _Registry:
    @staticmethod
    def register(**k):
        return lambda c: c


cns = base_ns(LOSS_REGISTRY=_Registry, BaseClassificationCriteria=_BaseCriteria,
              BaseDistillationCriteria=_BaseCriteria, compute_class_weights=None,
              logger=types.SimpleNamespace(error=print))


def _cv_ce():
    load('cvnets__cross_entropy.py', 'CrossEntropy', ns=cns)
    opts = argparse.Namespace(**{'loss.classification.cross_entropy.ignore_index': -1,
                                 'loss.classification.cross_entropy.class_weights': False,
                                 'loss.classification.cross_entropy.label_smoothing': 0.15})
    m = cns['CrossEntropy'](opts)
    x, t = rand_logits(), rand_target()
    m.train()
    ok1, d1 = close(m._compute_loss(x, t), F.cross_entropy(x, t, label_smoothing=0.15))
    m.eval()
    ok2, d2 = close(m._compute_loss(x, t), F.cross_entropy(x, t))
    return ok1 and ok2, f'train vs torch label_smoothing: {d1}; eval vs plain CE: {d2}'


def _cv_bce():
    load('cvnets__binary_cross_entropy.py', 'BinaryCrossEntropy', ns=cns)
    m = cns['BinaryCrossEntropy'](argparse.Namespace(**{'loss.classification.binary_cross_entropy.reduction': 'mean'}))
    x, t = rand_logits(), rand_target()
    return close(m._compute_loss(x, t), F.binary_cross_entropy_with_logits(x, F.one_hot(t, 7).to(DT)))


def _cv_kl():
    load('cvnets__soft_kl_distillation.py', 'SoftKLLoss', ns=cns)
    m = cns['SoftKLLoss'](argparse.Namespace(**{'loss.distillation.soft_kl_loss.temperature': 3.0}))
    te = rand_logits()
    m._logits_from_teacher = lambda inp: te
    x = rand_logits()
    q = F.softmax(te / 3, 1)
    ref = (q * (q.log() - F.log_softmax(x / 3, 1))).sum() / 6 * 9
    return close(m._forward_distill(None, x), ref)


check('cvnets__cross_entropy.py', 'CrossEntropy', _cv_ce)
check('cvnets__binary_cross_entropy.py', 'BinaryCrossEntropy', _cv_bce)
check('cvnets__soft_kl_distillation.py', 'SoftKLLoss', _cv_kl)

# ---------------------------------------------------------------- meanteacher__losses.py
f = 'meanteacher__losses.py'
ns = load(f, 'softmax_mse_loss', 'softmax_kl_loss', 'symmetric_mse_loss')


def _mt_kl():
    x, te = rand_logits(), rand_logits()
    q = F.softmax(te, 1)
    return close(ns['softmax_kl_loss'](x, te), (q * (q.log() - F.log_softmax(x, 1))).sum())


def _mt_mse():
    x, te = rand_logits(), rand_logits()
    return close(ns['softmax_mse_loss'](x, te), ((F.softmax(x, 1) - F.softmax(te, 1)) ** 2).sum() / 7)


check(f, 'softmax_kl_loss', _mt_kl)
check(f, 'softmax_mse_loss', _mt_mse)

# ---------------------------------------------------------------- manifold_mixup__main.py
f = 'manifold_mixup__main.py'
ns = load(f, 'mixup_criterion')


def _mm():
    x, a, b = rand_logits(), rand_target(), rand_target()
    lam = 0.3
    got = ns['mixup_criterion'](a, b, lam)(nn.CrossEntropyLoss(), x)
    q = lam * F.one_hot(a, 7) + (1 - lam) * F.one_hot(b, 7)
    return close(got, soft_ce(x, q.to(DT)).mean())


check(f, 'mixup_criterion', _mm)

# ---------------------------------------------------------------- retinanet__losses.py
f = 'retinanet__losses.py'
ns = load(f, 'calc_iou', 'FocalLoss')


def _retina():
    # 3 anchors, one ground-truth box matching anchor 0 exactly (class 2), anchor 1 half-overlapping (ignored),
    # anchor 2 far away (negative). Classification is compared to a hard-target sigmoid focal loss.
    anchors = torch.tensor([[[0., 0., 10., 10.], [0., 0., 10., 20.], [50., 50., 60., 60.]]])
    ann = torch.tensor([[[0., 0., 10., 10., 2.]]])
    k = 4
    probs = torch.rand(1, 3, k) * 0.9 + 0.05
    reg = torch.zeros(1, 3, 4)
    cls, _ = ns['FocalLoss']()(probs, reg, anchors, ann)
    y = torch.zeros(3, k)
    y[0, 2] = 1
    p = probs[0]
    pt = torch.where(y == 1, p, 1 - p)
    a = torch.where(y == 1, torch.full_like(p, 0.25), torch.full_like(p, 0.75))
    fl = -a * (1 - pt) ** 2 * pt.log()
    iou1 = 100.0 / 200.0  # anchor 1 vs the box: >= 0.5 makes it a positive, [0.4, 0.5) would ignore it
    keep = torch.tensor([1., 1. if iou1 >= 0.5 or iou1 < 0.4 else 0., 1.]).view(3, 1)
    y1 = y.clone()
    if iou1 >= 0.5:
        y1[1, 2] = 1
        pt = torch.where(y1 == 1, p, 1 - p)
        a = torch.where(y1 == 1, torch.full_like(p, 0.25), torch.full_like(p, 0.75))
        fl = -a * (1 - pt) ** 2 * pt.log()
    npos = float(y1.sum())
    return close(cls, (fl * keep).sum() / max(npos, 1.0))


check(f, 'FocalLoss', _retina)


def _mt_sym():
    a, b = rand_logits(), rand_logits()
    return close(load('meanteacher__losses.py', 'symmetric_mse_loss')['symmetric_mse_loss'](a, b), ((a - b) ** 2).sum() / 7)


check('meanteacher__losses.py', 'symmetric_mse_loss', _mt_sym)


def _moco():
    ns = load('mocov3__builder.py', 'MoCo', ns=base_ns(concat_all_gather=lambda k: k))
    torch.distributed.get_rank = lambda *a: 0  # single process
    q, k = torch.randn(5, 8), torch.randn(5, 8)
    got = ns['MoCo'].contrastive_loss(types.SimpleNamespace(T=0.2), q, k)
    logits = F.normalize(q, dim=1) @ F.normalize(k, dim=1).t() / 0.2
    return close(got, F.cross_entropy(logits, torch.arange(5)) * 0.4)


check('mocov3__builder.py', 'MoCo.contrastive_loss', _moco)

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=1, sort_keys=True)
print(f"\n{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} passed")
