#!/usr/bin/python3
"""Checks fresh6's labels numerically: `/usr/bin/python3 verify_fresh6.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a method
as a plain function called with a stub `self`), executes it with torch in float64 on random inputs, and compares
what it computes with the reference of the labelled convention:

- uniform:   target (1 - eps) * onehot + eps / K               == F.cross_entropy(label_smoothing=eps)
- k_minus_1: target (1 - eps) on the label, eps / (K - 1) off it
- binary:    positive / negative BCE targets 1 - eps / 2 and eps / 2
- other:     the code's target, shown not to be any of the above (rows that do not sum to 1)
- soft_target / none: the code against torch's soft-target / plain CE, NLL or BCE

A check passes at max |diff| <= 1e-9. Definitions that need a whole model, framework or training loop are not
run here; build_labels.py keeps them as "reading" with the reason.
"""
import ast
import json
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
TOL = 1e-9
RESULTS = {}


def source(file):
    return open(os.path.join(CORPUS, file), encoding='utf-8').read()


def segment(file, name):
    """Source of a top-level `def name` / `class name`, or of `Class.method` dedented to a top-level function."""
    # darts' train_imagenet.py predates Python 3.7 (`.cuda(async=True)`): renamed for parsing only.
    text = source(file).replace('async=True', 'non_blocking=True')
    tree = ast.parse(text)
    parts = name.split('.')
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == parts[0]:
            if len(parts) == 1:
                return ast.get_source_segment(text, node)
            for inner in node.body:
                if isinstance(inner, ast.FunctionDef) and inner.name == parts[1]:
                    lines = ast.get_source_segment(text, inner, padded=True).splitlines()
                    return '\n'.join(line[4:] for line in lines)
    raise KeyError(f'{file}: {name}')


def load(file, name, extra=None):
    ns = {'torch': torch, 'nn': nn, 'F': F, 'np': np, '_Loss': nn.modules.loss._Loss}
    ns.update(extra or {})
    exec(compile(segment(file, name), file, 'exec'), ns)
    return ns[name.split('.')[-1]]


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


def k_minus_1_target(y, k, eps):
    t = onehot(y, k)
    return t * (1 - eps) + (1 - t) * eps / (k - 1)


def uniform_cls_check(file, symbol, make):
    x, y = inputs()
    for eps in (0.1, 0.25):
        got = make(7, eps)(x, y)
        want = F.cross_entropy(x, y, label_smoothing=eps)
        record(file, symbol, (got - want).abs().item(), f'uniform: == F.cross_entropy(label_smoothing={eps})')


# ---------------------------------------------------------------- uniform
uniform_cls_check('darts__train_imagenet.py', 'CrossEntropyLabelSmooth',
                  lambda k, e: load('darts__train_imagenet.py', 'CrossEntropyLabelSmooth')(k, e))
uniform_cls_check('spos__utils.py', 'CrossEntropyLabelSmooth',
                  lambda k, e: load('spos__utils.py', 'CrossEntropyLabelSmooth')(k, e))


def asl(k, eps):
    return load('mldecoder__losses.py', 'ASLSingleLabel')(gamma_pos=0, gamma_neg=0, eps=eps)


uniform_cls_check('mldecoder__losses.py', 'ASLSingleLabel', asl)


def efficientvit():
    fn = load('efficientvit__label_smooth.py', 'label_smooth')
    x, y = inputs()
    t = fn(y, 7, 0.1)
    want = onehot(y, 7) * 0.9 + 0.1 / 7
    d = (t - want).abs().max().item()
    loss = -(t * F.log_softmax(x, -1)).sum(-1).mean()
    d = max(d, (loss - F.cross_entropy(x, y, label_smoothing=0.1)).abs().item())
    record('efficientvit__label_smooth.py', 'label_smooth', d,
           'uniform builder: (1-eps)*onehot + eps/K; its CE == F.cross_entropy(label_smoothing=eps)')


efficientvit()


def bubbliiiing():
    fn = load('yolov4bubbliiiing__yolo_training.py', 'YOLOLoss.smooth_labels')
    y = onehot(torch.randint(0, 5, (8,)), 5)
    got = fn(None, y, 0.1, 5)
    record('yolov4bubbliiiing__yolo_training.py', 'YOLOLoss.smooth_labels',
           (got - (y * 0.9 + 0.1 / 5)).abs().max().item(),
           'uniform builder: y*(1-eps) + eps/K (defined, never called by YOLOLoss.forward)')


bubbliiiing()


def lora():
    fwd = load('lora__model.py', 'GPT2LMModel.forward', {'nn': nn})
    b, l, v = 3, 4, 9
    logits = torch.randn(b, l, v)
    labels = torch.randint(0, v, (b, l))
    mask = torch.ones(b, l)
    stub = types.SimpleNamespace(transformer=lambda ids, past=None, len_past=None: (logits, None),
                                 lm_head=lambda h: h)
    for eps in (0.1, 0.3):
        _, loss = fwd(stub, torch.zeros(b, l, dtype=torch.long), lm_labels=labels, lm_mask=mask, label_smooth=eps)
        want = F.cross_entropy(logits.view(-1, v), labels.view(-1), label_smoothing=eps, reduction='sum') / (
            mask.sum() + 0.0001)
        record('lora__model.py', 'GPT2LMModel.forward', (loss - want).abs().item(),
               f'uniform: (1-eps)*nll + eps*mean(-logp) == CE(label_smoothing={eps}) (masked sum / (n + 1e-4))')


lora()


# ---------------------------------------------------------------- k_minus_1
def ofa():
    fn = load('ofa__label_smoothed_cross_entropy.py', 'label_smoothed_nll_loss')
    x, y = inputs(8, 11)
    lp = F.log_softmax(x, -1)
    for eps in (0.1, 0.2):
        loss, nll, n = fn(lp, y, eps, update_num=0)
        want = -(k_minus_1_target(y, 11, eps) * lp).sum()
        record('ofa__label_smoothed_cross_entropy.py', 'label_smoothed_nll_loss', (loss - want).abs().item(),
               f'k_minus_1: (1-eps-eps_i)*nll + eps_i*sum(-lp), eps_i = eps/(V-1), summed (eps={eps})')


ofa()


def selfcritical():
    cls = load('selfcritical/losses.py', 'LabelSmoothing')
    n, l, k = 3, 5, 8
    lp = F.log_softmax(torch.randn(n, l, k), -1)
    y = torch.randint(0, k, (n, l))
    mask = (torch.rand(n, l) > 0.3).double()
    for eps in (0.1, 0.2):
        got = cls(smoothing=eps)(lp, y, mask)
        t = k_minus_1_target(y.reshape(-1), k, eps)
        kl = (t * (t.log() - lp.reshape(-1, k))).sum(1) * mask.reshape(-1)
        want = kl.sum() / mask.sum()
        record('selfcritical/losses.py', 'LabelSmoothing', (got - want).abs().item(),
               f'k_minus_1: KL(t || p), t = 1-eps on the label and eps/(K-1) elsewhere, masked mean (eps={eps})')
    lm = load('selfcritical/losses.py', 'LanguageModelCriterion')()
    got = lm(lp, y, mask)
    want = (F.nll_loss(lp.reshape(-1, k), y.reshape(-1), reduction='none') * mask.reshape(-1)).sum() / mask.sum()
    record('selfcritical/losses.py', 'LanguageModelCriterion', (got - want).abs().item(), 'none: masked NLL')


selfcritical()


# ---------------------------------------------------------------- binary
def yolov4():
    fn = load('pytorchyolov4__loss.py', 'smooth_BCE')
    d = max(abs(fn(eps)[0] - (1 - eps / 2)) + abs(fn(eps)[1] - eps / 2) for eps in (0.0, 0.1, 0.3))
    record('pytorchyolov4__loss.py', 'smooth_BCE', d, 'binary: (1 - eps/2, eps/2); compute_loss calls it with eps=0.0')


yolov4()


# ---------------------------------------------------------------- other
def conve():
    text = source('conve/main.py')
    line = next(s.strip() for s in text.splitlines() if s.strip().startswith('e2_multi = ((1.0-args.label_smoothing)'))
    e2 = (torch.rand(4, 10) > 0.8).double()
    ns = {'e2_multi': e2.clone(), 'args': types.SimpleNamespace(label_smoothing=0.1)}
    exec(line, ns)
    got = ns['e2_multi']
    # The off value is 1/K, not eps/K, and the on value 1 - eps + 1/K: no registered convention's target.
    uni = e2 * 0.9 + 0.1 / 10
    binary = e2 * 0.9 + 0.05
    want = e2 * 0.9 + 1 / 10
    d = (got - want).abs().max().item()
    if (got - uni).abs().max().item() < 1e-6 or (got - binary).abs().max().item() < 1e-6:
        d = 1.0
    record('conve/main.py', 'main', d,
           'other: (1-eps)*y + 1/K on multi-hot BCE targets (neither eps/K nor eps/2 off the label)')


conve()


# ---------------------------------------------------------------- soft_target / none
def mtdnn():
    x, y = inputs()
    ce = load('mtdnn__loss.py', 'CeCriterion', {'Criterion': load('mtdnn__loss.py', 'Criterion')})()
    record('mtdnn__loss.py', 'CeCriterion', (ce(x, y) - F.cross_entropy(x, y)).abs().item(), 'none: F.cross_entropy')
    crit = load('mtdnn__loss.py', 'Criterion')
    kl = load('mtdnn__loss.py', 'KlCriterion', {'Criterion': crit})()
    t = torch.randn(6, 7)
    q = F.softmax(t, -1)
    want = (q * (q.log() - F.log_softmax(x, -1))).sum(-1).mean()
    # KlCriterion casts both sides to float32 itself: float64 can't be had, so float32's tolerance.
    record('mtdnn__loss.py', 'KlCriterion', (kl(x, t) - want).abs().item(),
           'soft_target: KL(softmax(target logits) || softmax(input)), batch mean (the code casts to float32: 1e-6)',
           tol=1e-6)


mtdnn()


def bit():
    fn = load('bit__train.py', 'mixup_criterion')
    x, ya = inputs()
    yb = torch.randint(0, 7, (6,))
    lam = 0.3
    got = fn(nn.CrossEntropyLoss(), x, ya, yb, lam)
    t = lam * onehot(ya, 7) + (1 - lam) * onehot(yb, 7)
    want = -(t * F.log_softmax(x, -1)).sum(-1).mean()
    record('bit__train.py', 'mixup_criterion', (got - want).abs().item(),
           'soft_target: l*CE(y_a) + (1-l)*CE(y_b) == CE against the mixed one-hot target')


bit()


def banvqa():
    fn = load('banvqa__train.py', 'instance_bce_with_logits')
    x = torch.randn(5, 9)
    t = torch.rand(5, 9)
    want = F.binary_cross_entropy_with_logits(x, t) * 9
    record('banvqa__train.py', 'instance_bce_with_logits', (fn(x, t) - want).abs().item(),
           'none: BCE-with-logits against the given VQA score targets, times the answer count')


banvqa()


def uamt():
    fn = load('uamt__losses.py', 'softmax_kl_loss')
    s, t = torch.randn(2, 3, 4, 4), torch.randn(2, 3, 4, 4)
    q = F.softmax(t, 1)
    want = q * (q.log() - F.log_softmax(s, 1))
    record('uamt__losses.py', 'softmax_kl_loss', (fn(s, t) - want).abs().max().item(),
           'soft_target: elementwise KL(softmax(teacher) || softmax(student)) (mean-teacher consistency)')


uamt()


def tokenlabeling():
    fn = load('tokenlabeling__mixup.py', 'mixup_target', {'one_hot': load('tokenlabeling__mixup.py', 'one_hot')})
    x, y = inputs()
    got = fn(y, 7, lam=1., smoothing=0.1, device='cpu')
    d = (got - (onehot(y, 7) * 0.9 + 0.1 / 7)).abs().max().item()
    lam = 0.3
    mixed = fn(y, 7, lam=lam, smoothing=0.1, device='cpu')
    want = lam * (onehot(y, 7) * 0.9 + 0.1 / 7) + (1 - lam) * (onehot(y.flip(0), 7) * 0.9 + 0.1 / 7)
    d = max(d, (mixed - want).abs().max().item())
    record('tokenlabeling__mixup.py', 'mixup_target', d,
           'uniform builder: off eps/K, on 1-eps+eps/K, then mixed with the flipped batch (lam)')
    ce = load('tokenlabeling__cross_entropy.py', 'SoftTargetCrossEntropy')()
    t = F.softmax(torch.randn(6, 7), -1)
    want = -(t * F.log_softmax(x, -1)).sum(-1).mean()
    record('tokenlabeling__cross_entropy.py', 'SoftTargetCrossEntropy', (ce(x, t) - want).abs().item(),
           'soft_target: -sum(t * log_softmax) mean, whatever target it is given')


tokenlabeling()


def msn():
    fn = load('msn__msn_train.py', 'main.one_hot', {'label_smoothing': 0.1, 'device': 'cpu'})
    y = torch.arange(5)
    got = fn(y, 5)
    record('msn__msn_train.py', 'one_hot', (got - (onehot(y, 5) * 0.9 + 0.1 / 5)).abs().max().item(),
           'uniform builder: full(eps/K).scatter_(on = 1-eps+eps/K) for the prototype labels (eps = label_smoothing)')


msn()


def vae():
    fn = load('bert4recvae__vae.py', 'VAETrainer.calculate_loss')
    x = (torch.rand(4, 9) > 0.6).double()
    recon, mu, logvar = torch.randn(4, 9), torch.randn(4, 3), torch.randn(4, 3)
    stub = types.SimpleNamespace(model=lambda inp: (recon, mu, logvar), beta=0.0)
    want = -(F.log_softmax(recon, 1) * x).sum(-1).mean()
    record('bert4recvae__vae.py', 'VAETrainer.calculate_loss', (fn(stub, [r for r in x]) - want).abs().item(),
           'multinomial likelihood -sum(x * log_softmax) against the raw multi-hot interactions (beta = 0 here)')


vae()


def ofa_criterion():
    helper = load('ofa__label_smoothed_cross_entropy.py', 'label_smoothed_nll_loss')
    fn = load('ofa__label_smoothed_cross_entropy.py', 'AdjustLabelSmoothedCrossEntropyCriterion.compute_loss',
              {'label_smoothed_nll_loss': helper})
    x = torch.randn(10, 11)
    y = torch.randint(0, 11, (10,))
    y[:3] = 1  # padding rows, dropped by compute_loss
    lp = F.log_softmax(x, -1)
    stub = types.SimpleNamespace(get_lprobs_and_target=lambda m, o, s: (lp, y, None), padding_idx=1, eps=0.1,
                                 drop_worst_ratio=0.0, drop_worst_after=0, use_rdrop=False, reg_alpha=1.0,
                                 constraint_start=None, constraint_end=None)
    loss, _, _ = fn(stub, None, None, None, update_num=0)
    keep = y != 1
    want = -(k_minus_1_target(y[keep], 11, 0.1) * lp[keep]).sum()
    record('ofa__label_smoothed_cross_entropy.py', 'AdjustLabelSmoothedCrossEntropyCriterion',
           (loss - want).abs().item(), 'k_minus_1: compute_loss drops padding rows, then the helper (eps = 0.1)')


ofa_criterion()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
