#!/usr/bin/python3
"""Checks fresh12's labels numerically: `/usr/bin/python3 verify_fresh12.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a nested
def found by name), executes it with torch in float64 on random inputs (stubs stand in for project imports such as
a base loss class), and compares what it computes with the reference of the labelled convention:

- uniform:   target (1 - eps) * onehot + eps / K               == F.cross_entropy(label_smoothing=eps)
- k_minus_1: target (1 - eps) on the label, eps / (K - 1) off it
- k_minus_2_padding: eps / (K - 2) off the label, 0 on the padding column and on padding rows
- binary:    BCE against t * (1 - eps) + eps / 2
- other:     the code's target, shown not to be any of the above
- soft_target / none: the code against torch's soft-target / plain CE, BCE or KL

A check passes at max |diff| <= 1e-9 (1e-6 where the code itself casts to float32). Definitions that need a whole
framework (fairseq), project helpers whose code is not in the file, or a GPU are not run here; build_labels.py keeps
them as "reading" with the reason.
"""
import ast
import json
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
TOL = 1e-9
F32 = 1e-6  # definitions that cast to float32 themselves
RESULTS = {}


def source(file):
    return open(os.path.join(CORPUS, file), encoding='utf-8').read()


def segment(file, name):
    """Source of a top-level `def name` / `class name`, or of any nested def of that name, dedented."""
    text = source(file)
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name:
            lines = ast.get_source_segment(text, node, padded=True).splitlines()
            indent = node.col_offset
            return '\n'.join(line[indent:] for line in lines)
    raise KeyError(f'{file}: {name}')


def load(file, name, extra=None):
    ns = {'torch': torch, 'nn': nn, 'F': F, 'np': np, 'math': math}
    ns.update(extra or {})
    exec(compile(segment(file, name), file, 'exec'), ns)
    return ns[name]


def record(file, symbol, diff, note, tol=TOL):
    ok = bool(diff <= tol)
    key = f'{file}::{symbol}'
    if key in RESULTS:  # several checks of one definition: all must pass
        ok, diff = ok and RESULTS[key]['ok'], max(diff, RESULTS[key]['maxAbsDiff'])
    RESULTS[key] = {'ok': ok, 'maxAbsDiff': float(diff), 'note': note}
    print(('PASS' if ok else 'FAIL'), f'{file}::{symbol}', f'{diff:.3g}', note)


def inputs(n=6, k=7):
    return torch.randn(n, k), torch.randint(0, k, (n,))


def onehot(y, k):
    return F.one_hot(y, k).double()


def soft_ce(x, t):
    return -(t * F.log_softmax(x, -1)).sum(-1).mean()


def bce_logits(x, t):
    return F.binary_cross_entropy_with_logits(x, t)


def uniform_ref(x, y, eps):
    return F.cross_entropy(x, y, label_smoothing=eps)


def uniform_target(y, k, eps):
    return onehot(y, k) * (1 - eps) + eps / k


def k_minus_1_target(y, k, eps):
    return onehot(y, k) * (1 - eps) + (1 - onehot(y, k)) * eps / (k - 1)


def differs(a, b):
    return bool((a - b).abs().max().item() > 1e-4)


def diff(a, b):
    return (a - b).abs().max().item()


# ---------------------------------------------------------------- uniform
def uniform_checks():
    x, y = inputs()
    for eps in (0.1, 0.3):
        f = 'hcttb__label_smoothing.py'
        record(f, 'LabelSmoothingLoss', diff(load(f, 'LabelSmoothingLoss')(7, eps)(x, y), uniform_ref(x, y, eps)),
               f'uniform: F.cross_entropy(label_smoothing={eps}) wrapper')
        f = 'calibweightedrisk__label_smooth.py'
        cls = load(f, 'LabelSmoothingCrossEntropy')
        record(f, 'LabelSmoothingCrossEntropy', diff(cls(eps, reduction='mean')(x, y), uniform_ref(x, y, eps)),
               f'uniform: (1 - eps) * onehot + eps / K, reduction="mean" (the default "sum" returns the per-sample '
               f'vector, whose mean is the same)')
        record(f, 'LabelSmoothingCrossEntropy', diff(cls(eps)(x, y).mean(), uniform_ref(x, y, eps)), 'default "sum"')
        f = 'iit__label_smoothing_loss.py'
        cls = load(f, 'LabelSmoothingCrossEntropy',
                   {'reduce_loss': load(f, 'reduce_loss'), 'linear_combination': load(f, 'linear_combination')})
        record(f, 'LabelSmoothingCrossEntropy', diff(cls(epsilon=eps, reduce='mean')(x, y), uniform_ref(x, y, eps)),
               f'uniform: eps * mean(-sum log p) / K + (1 - eps) * NLL with reduce="mean" (eps={eps})')
        f = 'bearingfault__focal_loss.py'
        got = load(f, 'FocalLoss')(gamma=0.0, label_smoothing=eps)(x, y)
        record(f, 'FocalLoss', diff(got, uniform_ref(x, y, eps)), f'uniform: gamma=0 gives F.cross_entropy(ls={eps})')
        ce = F.cross_entropy(x, y, reduction='none', label_smoothing=eps)
        p_t = F.softmax(x, 1).gather(1, y[:, None]).squeeze(1)
        got = load(f, 'FocalLoss')(gamma=2.0, label_smoothing=eps)(x, y)
        record(f, 'FocalLoss', diff(got, ((1 - p_t) ** 2 * ce).mean()), 'gamma=2: (1 - p_t)^2 * smoothed CE')
        got = load(f, 'AdaptiveFocalLoss')(gamma_init=0.0, label_smoothing=eps)(x, y)
        record(f, 'AdaptiveFocalLoss', diff(got, uniform_ref(x, y, eps)), f'uniform: gamma 0 gives F.cross_entropy(ls)')
    f = 'boostcamp30__label_smoothing_loss.py'
    cls = load(f, 'LabelSmoothing', {'f1_score': lambda *a, **k: 0.0})
    for eps in (0.1, 0.3):
        loss, _ = cls(eps).loss_fn(y, x)
        record(f, 'LabelSmoothing.loss_fn', diff(loss, uniform_ref(x, y, eps)),
               f'uniform: (1 - eps) * NLL + eps * mean(-log p) in a loss_fn(target, x) method (eps={eps})')


uniform_checks()


# ---------------------------------------------------------------- k_minus_1
def k_minus_1_checks():
    x, y = inputs()
    for eps in (0.1, 0.3):
        f = 'healthmoni__label_smoothing.py'
        record(f, 'AdaptiveLabelSmoothing', diff(load(f, 'AdaptiveLabelSmoothing')(7, eps)(x, y),
                                                 soft_ce(x, k_minus_1_target(y, 7, eps))),
               f'k_minus_1: one_hot * (1 - e) + (1 - one_hot) * e / (num_classes - 1) (e={eps})')
        f = 'hianet__label_smooth.py'
        record(f, 'CE_Label_Smooth_Loss', diff(load(f, 'CE_Label_Smooth_Loss')(classes=3, epsilon=eps)(x, y),
                                               soft_ce(x, k_minus_1_target(y, 7, eps))),
               f'k_minus_1: eps / (input.size(-1) - 1) off the label, 1 - eps on it; the classes argument is unused '
               f'(7 logits with classes=3, eps={eps})')


k_minus_1_checks()


# ---------------------------------------------------------------- padding
def padding_checks():
    f = 'nlpmilestones__loss.py'
    x, y = inputs(8, 9)
    y[1] = 0
    y[5] = 0
    valid = y != 0
    build = load(f, 'create_smoothed_vectors')
    for eps in (0.1, 0.3):
        t = k_minus_1_target(y[valid], 9, eps)
        t[:, 0] = 0
        t = torch.where(onehot(y[valid], 9) > 0, t, t * 0 + eps / 7)
        t[:, 0] = 0
        got = build(int(valid.sum()), 9, y[valid], torch.tensor([0]), eps)
        record(f, 'create_smoothed_vectors', diff(got, t), f'k_minus_2_padding target builder: eps / (K - 2) off the '
               f'label, 0 on the pad column (eps={eps})')
        slow = load(f, 'SlowLabelSmoothingLoss', {'create_smoothed_vectors': build})(0, eps)(x, y)
        record(f, 'SlowLabelSmoothingLoss', diff(slow, soft_ce(x[valid], t)),
               f'k_minus_2_padding: pad rows dropped, pad column 0, eps / (K - 2) elsewhere (eps={eps}); the 1e-42 '
               f'clamp of the zero column is below tolerance')
        fast = load(f, 'LabelSmoothingLoss')(0, eps)(x, y)
        record(f, 'LabelSmoothingLoss', diff(fast, soft_ce(x[valid], k_minus_1_target(y[valid], 9, eps))),
               f'k_minus_1: pad rows dropped but the pad column keeps eps / (K - 1) like every other off column '
               f'(eps={eps})')
        print('  fast differs from the padding-aware slow version:', differs(fast, slow))


padding_checks()


# ---------------------------------------------------------------- binary
def binary_checks():
    f = 'envsound__distillation.py'
    z, zt = torch.randn(4, 6) * 2, torch.randn(4, 6)
    t = (torch.rand(4, 6) > 0.6).double()
    cls = load(f, 'KDLoss')
    for eps in (0.1, 0.2):
        smoothed = t * (1 - eps) + eps / 2
        total, gt, _ = cls(lam=1.0, label_smoothing=eps)(z, zt, t)
        record(f, 'KDLoss', diff(total, bce_logits(z, smoothed)),
               f'binary: lam=1 is BCE-with-logits against t * (1 - eps) + eps/2 (eps={eps}, float32 cast)', F32)
        p = torch.sigmoid(zt / 2.0)
        kl = (p * (F.logsigmoid(zt / 2.0) - F.logsigmoid(z)) + (1 - p) * (F.logsigmoid(-zt / 2.0)
                                                                           - F.logsigmoid(-z))).mean()
        total, _, _ = cls(lam=0.4, tau=2.0, label_smoothing=eps)(z, zt, t)
        record(f, 'KDLoss', diff(total, 0.4 * bce_logits(z, smoothed) + 0.6 * kl),
               'plus (1 - lam) * Bernoulli KL to the teacher sigmoid (tau on the teacher only)', F32)


binary_checks()


# ---------------------------------------------------------------- other
def other_checks():
    x, y = inputs()
    for eps in (0.1, 0.3):
        f = 'healthmoni__label_smoothing.py'
        t = onehot(y, 7) * (1 - eps) + eps / 6
        got = load(f, 'LSR')(e=eps)(x, y)
        record(f, 'LSR', diff(got, soft_ce(x, t)),
               f'other: scatter_add 1 - e at the label then + e / (K - 1) everywhere: 1 - e + e/(K-1) on the label, '
               f'rows sum to 1 + e/(K-1) (e={eps})')
        print('  differs from uniform / K-1:', differs(got, uniform_ref(x, y, eps)),
              differs(got, soft_ce(x, k_minus_1_target(y, 7, eps))))
        f = 'ddas__smooth_ce.py'
        got = load(f, 'SmoothCrossEntropyLoss', {'cross_entropy': load(f, 'cross_entropy'), 'Module': nn.Module})(eps)(x, onehot(y, 7))
        t = onehot(y, 7) * (1 - eps / 7) + eps / 7
        record(f, 'SmoothCrossEntropyLoss', diff(got, soft_ce(x, t)),
               f'other: target * (1 - eps/K) + eps/K: 1 on the label, eps/K off it (rows sum to 1 + eps(K-1)/K), '
               f'one-hot targets passed in (eps={eps})')
        print('  differs from uniform / K-1:', differs(got, uniform_ref(x, y, eps)),
              differs(got, soft_ce(x, k_minus_1_target(y, 7, eps))))
        f = 'iit__label_smoothing_loss.py'
        got = load(f, 'LabelSmoothingLoss')(classes=7, smoothing=eps)(x, y)
        wide = torch.cat([torch.zeros_like(x), x], 1)
        t = torch.full((6, 14), eps / 6).scatter(1, y[:, None], 1 - eps)
        record(f, 'LabelSmoothingLoss', diff(got, (-t * F.log_softmax(wide, -1)).mean(-1)),
               f'other: zero logits prepended (2K columns), eps/(classes-1) on all 2K - 1 off columns, 1 - eps at the '
               f'label index (which falls in the zero half), mean over the 2K columns per sample (eps={eps})')
    f = 'nmtparaphrase__label_smoothing_loss.py'
    logits, target = torch.randn(3, 9, 5), torch.randint(1, 9, (3, 5))
    target[0, 3:] = 0
    for eps in (0.1, 0.3):
        got = load(f, 'label_smoothing_loss')(0, eps)(logits, target)
        lp = F.log_softmax(logits.transpose(1, 2), 2)
        t = torch.full_like(lp, eps / 9).scatter(2, target[..., None], 1 - eps)
        per_tok = -(t * lp).sum(2)
        mask = (target != 0).double()
        want = ((per_tok * mask).sum(1) / mask.sum(1)).mean()
        record(f, 'label_smoothing_loss', diff(got, want),
               f'other: 1 - eps on the label (masked_fill replaces), eps/K off it (rows sum to 1 - eps/K), per-sentence '
               f'token mean then batch mean (eps={eps})')
        uni = F.cross_entropy(logits.transpose(1, 2).reshape(-1, 9), target.reshape(-1), ignore_index=0,
                              label_smoothing=eps, reduction='none').view(3, 5)
        print('  differs from uniform:', differs(got, ((uni * mask).sum(1) / mask.sum(1)).mean()))


other_checks()


# ---------------------------------------------------------------- soft_target / none
class ClassLoss(nn.Module):
    def __init__(self, loss_term_weight=1.0):
        super().__init__()
        self.loss_term_weight = loss_term_weight


class AugLossCls:
    def __init__(self, device):
        self._device = device


def soft_and_none_checks():
    x, y = inputs()
    y2, lam = y[torch.randperm(6)], 0.3
    f = 'benson620004__loss.py'
    got = load(f, 'CutmixCriterion', {'CrossEntropyLoss': nn.CrossEntropyLoss})(x, (y, y2, lam))
    record(f, 'CutmixCriterion', diff(got, soft_ce(x, lam * onehot(y, 7) + (1 - lam) * onehot(y2, 7))),
           'soft_target: lam * CE(y_a) + (1 - lam) * CE(y_b) == CE against the mixed one-hot target')
    f = 'rethinkdaar__mixup.py'
    index = torch.randperm(6)
    crit = load(f, 'MixupLoss', {'AugLossCls': AugLossCls})(nn.CrossEntropyLoss(), 'cpu').criterion_fn
    args = {'mxup': {'apply': [True] * 6, 'lam': [lam] * 6, 'index': index.tolist()}}
    record(f, 'mixup_criterion_v1', diff(crit(x, y, args), soft_ce(x, lam * onehot(y, 7)
                                                                   + (1 - lam) * onehot(y[index], 7))),
           'soft_target: the nested criterion returned by _compile_criterion, mixed one-hot target')
    f = 'tinybert182__kd_loss.py'
    s, t = torch.randn(5, 7), torch.randn(5, 7)
    got = load(f, 'PredictionLoss', {'th': torch})()(t.clone(), s, t=2.0)
    record(f, 'PredictionLoss', diff(got, soft_ce(s / 2.0, F.softmax(t / 2.0, -1))),
           'soft_target: -sum softmax(teacher/t) * log_softmax(student/t), mean')
    f = 'ctckws__kd_loss.py'
    got = load(f, 'KnowledgeDistillationLoss')('kld', 2.0)(s, t)
    want = F.kl_div(F.log_softmax(s / 2.0, 1), F.softmax(t / 2.0, 1), reduction='batchmean') * 4.0
    record(f, 'KnowledgeDistillationLoss.kld_Loss', diff(got, want), 'soft_target: T^2 * KL(teacher_T || student_T)')
    f = 'rsnaknee__distillation.py'
    tp, nlp, img = torch.rand(5, 7), torch.rand(5, 7), torch.rand(5, 7)
    got = load(f, 'TeacherDistillationLoss')(use_kl=False)(s, tp, nlp, img)
    w = (2 * (tp - 0.5).abs()).clamp(min=0.05) * (1 - (nlp - img).abs()).clamp(0.1, 1.0)
    want = (F.binary_cross_entropy_with_logits(s, tp, reduction='none') * w).sum() / w.sum().clamp_min(1.0)
    record(f, 'TeacherDistillationLoss', diff(got, want),
           'soft_target: BCE-with-logits against the teacher probabilities, confidence x agreement weights')
    f = 'multivae__criterion.py'
    clicks = (torch.rand(5, 7) > 0.5).double()
    record(f, 'loss_function_dae', diff(load(f, 'loss_function_dae')(s, clicks),
                                        -(F.log_softmax(s, 1) * clicks).sum(-1).mean()),
           'soft_target: multinomial log-likelihood, -sum x * log_softmax with the multi-hot click vector x')
    f = 'kagglerainforest__criterion.py'
    record(f, 'softmax_kl_loss', diff(load(f, 'softmax_kl_loss')(s, t),
                                      F.kl_div(F.log_softmax(s, 1), F.softmax(t, 1), reduction='sum')),
           'soft_target: summed KL(softmax(target) || softmax(input))')
    record(f, 'softmax_mse_loss', diff(load(f, 'softmax_mse_loss')(s, t),
                                       ((F.softmax(s, 1) - F.softmax(t, 1)) ** 2).sum() / 7),
           'none (consistency, not cross-entropy): summed squared softmax difference / C')
    f = 'ddas__smooth_ce.py'
    soft = F.softmax(torch.randn(6, 7), 1)
    record(f, 'cross_entropy', diff(load(f, 'cross_entropy')(x, soft), soft_ce(x, soft)),
           'soft_target: -sum t * log_softmax, mean, with the given target')
    # none
    f = 'graphens__ce.py'
    record(f, 'CrossEntropy', diff(load(f, 'CrossEntropy')()(x, y), F.cross_entropy(x, y)), 'none: F.cross_entropy')
    f = 'ubc__bce.py'
    record(f, 'BCELoss', diff(load(f, 'BCELoss', {'ClassLoss': ClassLoss})(2.0)(x, y), 2.0 * bce_logits(x, onehot(y, 7))),
           'none: BCE-with-logits against the one-hot label, times the term weight')
    f = 'xray__bce.py'
    t01 = (torch.rand(6, 7) > 0.5).double()
    pw = torch.rand(7) + 0.5
    get = load(f, 'get_bce_loss')
    record(f, 'get_bce_loss', diff(get()(x, t01), bce_logits(x, t01)), 'none: plain BCEWithLogitsLoss')
    record(f, 'get_bce_loss', diff(get(True, pw)(x, t01), F.binary_cross_entropy_with_logits(x, t01, pos_weight=pw)),
           'weighted: pos_weight')
    f = 'iit__label_smoothing_loss.py'
    t01 = (torch.rand(6, 7) > 0.5).double()
    bce = F.binary_cross_entropy_with_logits(x, t01, reduction='none')
    record(f, 'FocalLoss', diff(load(f, 'FocalLoss')(reduce=True)(x, t01), ((1 - torch.exp(-bce)) ** 2 * bce).mean()),
           'none: sigmoid focal loss on hard 0/1 targets (the code casts targets to float32)', F32)
    # float32 casts inside the code
    torch.set_default_dtype(torch.float32)
    f = 'kagglerainforest__criterion.py'
    logit = torch.randn(6, 5)
    tt = (torch.rand(6, 5) > 0.6).float()
    tt[2] = 0
    record(f, 'BCEWithLogitsLoss', diff(load(f, 'BCEWithLogitsLoss')()({'logit': logit}, tt), bce_logits(logit, tt)),
           'none: BCE-with-logits on the "logit" output (train phase)', F32)
    frame = torch.rand(6, 4, 5)
    got = load(f, 'ImprovedPANNsLoss')()({'logit': logit, 'framewise_output': frame}, tt)
    want = bce_logits(logit, tt) + F.binary_cross_entropy(frame.max(1)[0], tt)
    record(f, 'ImprovedPANNsLoss', diff(got, want), 'none: clip BCE-with-logits + framewise-max BCE on hard labels', F32)
    keep = tt.sum(1) > 0
    li, lt = logit[keep], tt[keep]
    b = F.binary_cross_entropy_with_logits(li, lt, reduction='none')
    p = torch.sigmoid(li)
    want = torch.where(lt >= 0.5, (1 - p) ** 2 * b, p ** 2 * b).mean()
    record(f, 'FocalLoss', diff(load(f, 'FocalLoss')()({'logit': logit}, tt), want),
           'none: binary focal loss on the labelled rows', F32)
    torch.set_default_dtype(torch.float64)


soft_and_none_checks()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
open(os.path.join(HERE, 'results.json'), 'a').write('\n')
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
