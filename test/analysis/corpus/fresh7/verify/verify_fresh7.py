#!/usr/bin/python3
"""Checks fresh7's labels numerically: `/usr/bin/python3 verify_fresh7.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a method
as a plain function called with a stub `self`), executes it with torch in float64 on random inputs, and compares
what it computes with the reference of the labelled convention:

- uniform:            target (1 - eps) * onehot + eps / K          == F.cross_entropy(label_smoothing=eps)
- k_minus_1:          target 1 - eps on the label, eps / (K - 1) off it
- k_minus_2_padding:  eps / (K - 2) off the label, 0 in the padding column, padding rows dropped
- binary:             positive / negative BCE targets 1 - eps / 2 and eps / 2
- soft_target / none: the code against torch's soft-target / plain CE, NLL or BCE

A check passes at max |diff| <= 1e-9. Focal-weighted losses are checked with gamma = 0 (where the focal weight is
1). Definitions that need a whole model, framework or training loop are not run here; build_labels.py keeps them as
"reading" with the reason.
"""
import ast
import json
import os
import types

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
    text = source(file)
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
    ns = {'torch': torch, 'nn': nn, 'F': F}
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


def soft_ce(x, t):
    return -(t * F.log_softmax(x, -1)).sum(-1)


# ---------------------------------------------------------------- uniform
def uniform_check(file, symbol, make, note):
    x, y = inputs()
    for eps in (0.1, 0.25):
        got = make(7, eps)(x, y)
        want = F.cross_entropy(x, y, label_smoothing=eps)
        record(file, symbol, (got - want).abs().item(), f'{note} == F.cross_entropy(label_smoothing={eps})')


uniform_check('vedastr__label_smooth_cross_entropy_loss.py', 'LabelSmoothingCrossEntropy',
              lambda k, e: load('vedastr__label_smooth_cross_entropy_loss.py', 'LabelSmoothingCrossEntropy',
                                {'CRITERIA': types.SimpleNamespace(register_module=lambda c: c)})(eps=e),
              'uniform: eps/c * sum(-logp) + (1-eps) * nll (no ignored rows)')
uniform_check('simplecv__labelsmooth.py', 'CrossEntropyLabelSmooth',
              lambda k, e: load('simplecv__labelsmooth.py', 'CrossEntropyLabelSmooth')(num_classes=k, epsilon=e),
              'uniform: (1-eps)*onehot + eps/K, (-t*logp).mean(0).sum()')
uniform_check('inat2021__losses.py', 'FocalLoss',
              lambda k, e: load('inat2021__losses.py', 'FocalLoss')(alpha=1.0, gamma=0.0, label_smoothing=e),
              'uniform: focal weight on F.cross_entropy(label_smoothing) with gamma=0, alpha=1')
uniform_check('flightdelay__focal_loss.py', 'FocalLoss',
              lambda k, e: load('flightdelay__focal_loss.py', 'FocalLoss')(smoothing=e, gamma=0.0),
              'uniform: (1-s)*nll + s*mean(-logp), focal weight (1-p)^gamma with gamma=0')


# ---------------------------------------------------------------- k_minus_1
def pct():
    fn = load('pct__util.py', 'cal_loss')
    x, y = inputs()
    want = soft_ce(x, k_minus_1_target(y, 7, 0.2)).mean()
    record('pct__util.py', 'cal_loss', (fn(x, y) - want).abs().item(),
           'k_minus_1: (1-eps)*onehot + (1-onehot)*eps/(n_class-1), eps = 0.2 fixed, smoothing=True default')


pct()


def xmodaler():
    fwd = load('xmodaler__label_smoothing.py', 'LabelSmoothing.Forward')
    n, l, k = 3, 4, 9
    logits = torch.randn(n, l, k)
    y = torch.randint(0, k, (n, l))
    y[0, -1] = -1  # ignored position
    for eps in (0.1, 0.2):
        stub = types.SimpleNamespace(label_smoothing=eps, confidence=1 - eps, criterion=nn.KLDivLoss(reduction='none'))
        got = fwd(stub, logits, y.clone())
        flat, keep = y.view(-1), y.view(-1) >= 0
        lp = F.log_softmax(logits.view(-1, k), -1)[keep]
        t = k_minus_1_target(flat[keep], k, eps)
        want = (t * (t.log() - lp)).sum(-1).mean()
        for symbol in ('LabelSmoothing', 'LabelSmoothing.Forward'):
            record('xmodaler__label_smoothing.py', symbol, (got - want).abs().item(),
                   f'k_minus_1: KL(t || p), t = 1-eps on the label, eps/(K-1) elsewhere, mean over targets >= 0 '
                   f'(eps={eps})')


xmodaler()


def emonosuke():
    ns = {'DEVICE': torch.device('cpu')}
    ns['to_onehot'] = load('emonosukeasr/utils.py', 'to_onehot', ns)
    to_ls = load('emonosukeasr/utils.py', 'to_onehot_ls', ns)
    y = torch.randint(0, 8, (2, 5))
    got = to_ls(y, 8)
    record('emonosukeasr/utils.py', 'to_onehot_ls', (got - k_minus_1_target(y, 8, 0.1)).abs().max().item(),
           'k_minus_1 builder: ls_prob (0.9) on the label, (1-ls_prob)/(K-1) elsewhere: eps = 1 - ls_prob')
    fn = load('emonosukeasr/loss.py', 'label_smoothing_loss', {'to_onehot_ls': to_ls, 'log_softmax': F.log_softmax})
    preds = torch.randn(2, 5, 8)
    lens = [5, 3]
    got = fn(preds, y, lens, 8)
    want = sum(soft_ce(preds[b, :n], k_minus_1_target(y[b, :n], 8, 0.1)).sum() / n for b, n in enumerate(lens))
    record('emonosukeasr/loss.py', 'label_smoothing_loss', (got - want).abs().item(),
           'k_minus_1: the sibling to_onehot_ls target (eps = 0.1), per-utterance mean over lab_len, summed over batch')


emonosuke()


# ---------------------------------------------------------------- k_minus_2_padding
def padding():
    cls = load('interpretability__label_smoothing.py', 'LabelSmoothing')
    k, pad = 9, 0
    x = F.log_softmax(torch.randn(8, k), -1)
    y = torch.randint(1, k, (8,))
    y[2] = pad
    for eps in (0.1, 0.3):
        got = cls(k, pad, eps)(x, y)
        t = torch.full((8, k), eps / (k - 2))
        t[torch.arange(8), y] = 1 - eps
        t[:, pad] = 0
        t[y == pad] = 0
        safe = torch.where(t > 0, t, torch.ones_like(t))
        want = (t * (safe.log() - x)).sum()
        record('interpretability__label_smoothing.py', 'LabelSmoothing', (got - want).abs().item(),
               f'k_minus_2_padding: eps/(K-2) off the label, 0 at padding_idx, padding rows zeroed, KL summed (eps={eps})')


padding()


# ---------------------------------------------------------------- binary
def yolor():
    fn = load('yolor__loss.py', 'smooth_BCE')
    d = max(abs(fn(eps)[0] - (1 - eps / 2)) + abs(fn(eps)[1] - eps / 2) for eps in (0.0, 0.1, 0.3))
    record('yolor__loss.py', 'smooth_BCE', d, 'binary: (1 - eps/2, eps/2); compute_loss calls it with eps=0.0')


yolor()


# ---------------------------------------------------------------- soft_target / none
def kd():
    fn = load('kdpytorch__loss.py', 'loss_kd')
    x, y = inputs()
    teacher = torch.randn(6, 7)
    params = types.SimpleNamespace(temperature=4.0, alpha=0.7)
    q = F.softmax(teacher / 4.0, -1)
    kl = (q * (q.log() - F.log_softmax(x / 4.0, -1))).sum(-1).mean()
    want = kl * 16 * 0.7 + F.cross_entropy(x, y) * 0.3
    record('kdpytorch__loss.py', 'loss_kd', (fn(x, y, teacher, params) - want).abs().item(),
           'soft_target: alpha*T^2*KL(softmax(teacher/T) || softmax(student/T)) + (1-alpha)*CE(labels)')


kd()


def mbagnet():
    cls = load('mbagnet__cross_entropy_multilabel.py', 'CrossEntropyMultiLabel')
    x = torch.randn(6, 7)
    multi = (torch.rand(6, 7) > 0.6).double()
    multi[:, 0] = 1
    want = soft_ce(x, multi / multi.sum(1, keepdim=True)).mean()
    record('mbagnet__cross_entropy_multilabel.py', 'CrossEntropyMultiLabel', (cls()(x, multi) - want).abs().item(),
           'soft_target: multi-hot targets normalised to sum 1, -sum(t*logp) mean over the batch (no eps anywhere)')


mbagnet()


def panns():
    fn = load('pannsgtzan__losses.py', 'clip_nll')
    logp = F.log_softmax(torch.randn(5, 10), -1)
    t = onehot(torch.randint(0, 10, (5,)), 10)
    got = fn({'clipwise_output': logp}, {'target': t})
    want = -(t * logp).mean()
    record('pannsgtzan__losses.py', 'clip_nll', (got - want).abs().item(),
           'soft_target: -mean(target * log-probs) over all elements (= NLL / K for one-hot targets)')


panns()


def plain():
    x, y = inputs()
    nofuss = load('mvtstransformer__loss.py', 'NoFussCrossEntropyLoss')(reduction='none')
    record('mvtstransformer__loss.py', 'NoFussCrossEntropyLoss',
           (nofuss(x, y.double().unsqueeze(1)) - F.cross_entropy(x, y, reduction='none')).abs().max().item(),
           'none: F.cross_entropy on target.long().squeeze()')
    loss_fn = load('litllama__lora.py', 'loss_fn')
    logits, targets = torch.randn(2, 6, 11), torch.randint(0, 11, (2, 6))
    targets[1, 4:] = -1
    want = F.cross_entropy(logits[:, :-1].reshape(-1, 11), targets[:, 1:].reshape(-1), ignore_index=-1)
    record('litllama__lora.py', 'loss_fn', (loss_fn(logits, targets) - want).abs().item(),
           'none: shifted next-token CE with ignore_index=-1')
    bce = load('butdvqa__train.py', 'instance_bce_with_logits')
    s, t = torch.randn(4, 9), torch.rand(4, 9)
    record('butdvqa__train.py', 'instance_bce_with_logits',
           (bce(s, t) - F.binary_cross_entropy_with_logits(s, t) * 9).abs().item(),
           'none: BCE-with-logits against the given VQA answer scores, times the answer count')
    wbce = load('gaepytorch__optimizer.py', 'weighted_binary_cross_entropy')
    p, a = torch.rand(5, 5) * 0.98 + 0.01, (torch.rand(5, 5) > 0.5).double()
    record('gaepytorch__optimizer.py', 'weighted_binary_cross_entropy',
           (wbce(p, a, None) - F.binary_cross_entropy(p, a)).abs().item(),
           'none: BCE on probabilities against the adjacency (pos_weight=None branch)')


plain()


# ---------------------------------------------------------------- other
def petgenerator():
    real = load('petgenerator__utils.py', 'real_loss')
    fake = load('petgenerator__utils.py', 'fake_loss')
    x = torch.randn(8, 1)
    bce = nn.BCEWithLogitsLoss()
    d = (real(x, bce, smooth=True) - bce(x.squeeze(), torch.full((8,), 0.9))).abs().item()
    d = max(d, (real(x, bce) - bce(x.squeeze(), torch.ones(8))).abs().item())
    record('petgenerator__utils.py', 'real_loss', d,
           'other: one-sided smoothing, real targets 0.9 when smooth=True (fake targets stay 0 in fake_loss)')
    record('petgenerator__utils.py', 'fake_loss', (fake(x, bce) - bce(x.squeeze(), torch.zeros(8))).abs().item(),
           'none: the injected criterion against hard zeros')


petgenerator()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
