#!/usr/bin/python3
"""Checks fresh9's labels numerically: `/usr/bin/python3 verify_fresh9.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a method
as a plain function called with a stub `self`), executes it with torch in float64 on random inputs, and compares
what it computes with the reference of the labelled convention:

- uniform:   target (1 - eps) * onehot + eps / K               == F.cross_entropy(label_smoothing=eps)
- k_minus_1: target (1 - eps) on the label, eps / (K - 1) off it
- binary:    positive / negative BCE targets 1 - eps / 2 and eps / 2
- other:     the code's target, shown not to be any of the above (rows that do not sum to 1)
- soft_target / none: the code against torch's soft-target / plain CE, NLL or BCE

A check passes at max |diff| <= 1e-9 (1e-6 where the code itself casts to float32). Definitions that need a whole model, framework or training loop are not
run here; build_labels.py keeps them as "reading" with the reason.
"""
import ast
import json
import os
import types
import typing

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
TOL = 1e-9
F32 = 1e-6  # definitions that cast to float32 themselves (`.float()`)
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


def uniform_cls_check(file, symbol, make, tol=TOL):
    x, y = inputs()
    for eps in (0.1, 0.25):
        got = make(7, eps)(x, y)
        want = F.cross_entropy(x, y, label_smoothing=eps)
        record(file, symbol, (got - want).abs().item(), f'uniform: == F.cross_entropy(label_smoothing={eps})', tol)



# ---------------------------------------------------------------- uniform
def huaweicloud():
    f = 'huaweicloud__LabelSmoothingLoss.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    x, y = inputs()
    for eps in (0.1, 0.25):
        got = ns['label_smoothing'](x, y, epsilon=eps)
        record(f, 'label_smoothing', (got - F.cross_entropy(x, y, label_smoothing=eps)).abs().item(),
               f'uniform: onehot*(1-eps) + eps/n_classes, soft CE == F.cross_entropy(label_smoothing={eps}) '
               '(the code casts its one-hot to float32)', tol=F32)
    t = F.softmax(torch.randn(6, 7), -1)
    record(f, 'cross_entropy_loss', (ns['cross_entropy_loss'](x, t, 'mean') - F.cross_entropy(x, t)).abs().item(),
           'soft-target CE helper == F.cross_entropy with probability targets')


huaweicloud()


def mpl():
    f = 'mpl__utils.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    uniform_cls_check(f, 'SmoothCrossEntropy', lambda k, e: ns['SmoothCrossEntropy'](alpha=e), F32)
    x, y = inputs()
    for eps in (0.1, 0.0):
        args = types.SimpleNamespace(label_smoothing=eps, device='cpu')
        crit = ns['create_loss_fn'](args)
        record(f, 'create_loss_fn', (crit(x, y) - F.cross_entropy(x, y, label_smoothing=eps)).abs().item(),
               f'builder: SmoothCrossEntropy(alpha) when label_smoothing > 0, else CrossEntropyLoss (eps={eps})', F32)


mpl()


# ---------------------------------------------------------------- other (multi-hot) / uniform on one-hot
class _Augmenter(nn.Module):
    def get_indices(self, prob, pop_size):
        return list(range(pop_size))


def torchecg():
    f = 'torchecg__label_smooth.py'
    cls = load(f, 'LabelSmooth', {'Augmenter': _Augmenter, 'Tensor': torch.Tensor, 'Any': typing.Any,
                                  'List': typing.List, 'Optional': typing.Optional,
                                  'Sequence': typing.Sequence, 'Tuple': typing.Tuple})
    ls = cls(smoothing=0.1, prob=1.0, inplace=False)
    y = torch.randint(0, 7, (6,))
    _, got = ls(None, onehot(y, 7))
    d = (got - (onehot(y, 7) * 0.9 + 0.1 / 7)).abs().max().item()
    multi = (torch.rand(6, 7) > 0.5).double()
    multi[0] = 0
    multi[0, :3] = 1
    _, got_m = ls(None, multi)
    d = max(d, (got_m - (multi * 0.9 + 0.1 / 7)).abs().max().item())
    sums = got_m.sum(-1)
    not_dist = bool((sums - 1).abs().max() > 0.05)
    record(f, 'LabelSmooth', d if not_dist else 1.0,
           'builder: (1-eps)*label + eps/K on every row chosen (prob=1 here); on a one-hot row that is uniform, '
           'on the multi-hot ECG labels it is toward 1/K per class with rows not summing to 1 (other)')


torchecg()


# ---------------------------------------------------------------- none
def tabpfn():
    f = 'tabpfn__losses.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    crit = ns['CrossEntropyForMulticlassLoss'](num_classes=5, label_smoothing=0.2)
    x = torch.randn(8, 3, 5)
    # each column's labels are 0..k-1 with every class present (as TabPFN's per-dataset columns are)
    t = torch.stack([torch.arange(8) % (b + 2) for b in range(3)], 1)[torch.randperm(8)]
    got = crit(x, t)
    want = []
    smoothed = []
    for b in range(3):
        k = len(torch.unique(t[:, b]))
        want.append(F.cross_entropy(x[:, b, :k], t[:, b]).expand(8))
        smoothed.append(F.cross_entropy(x[:, b, :k], t[:, b], label_smoothing=0.2).expand(8))
    want = torch.stack(want, 1).flatten()
    smoothed = torch.stack(smoothed, 1).flatten()
    d = (got - want).abs().max().item()
    differs = (got - smoothed).abs().max().item() > 1e-6
    record(f, 'CrossEntropyForMulticlassLoss', d if differs else 1.0,
           'none: label_smoothing=0.2 is accepted but never passed to super().__init__; equals plain CE per column '
           '(and differs from the smoothed CE)')


tabpfn()


def slip():
    f = 'slip__losses.py'
    stub_utils = types.SimpleNamespace(get_rank=lambda: 0, get_world_size=lambda: 1,
                                       all_gather_batch=lambda ts: ts, all_gather_batch_with_grad=lambda ts: ts)
    cls = load(f, 'CLIPLoss', {'utils': stub_utils})
    img, txt = torch.randn(5, 4), torch.randn(5, 4)
    out = cls()({'image_embed': img, 'text_embed': txt, 'logit_scale': 3.0})
    i, t = F.normalize(img, dim=-1), F.normalize(txt, dim=-1)
    lab = torch.arange(5)
    want = (F.cross_entropy(3.0 * i @ t.t(), lab) + F.cross_entropy(3.0 * t @ i.t(), lab)) / 2
    record(f, 'CLIPLoss', (out['loss'] - want).abs().item(), 'none: symmetric CE over cosine logits, arange labels')


slip()


def easycv():
    f = 'easycv__rec_multi_loss.py'
    stub = types.SimpleNamespace(register_module=lambda: (lambda c: c))
    cls = load(f, 'SARLoss', {'LOSSES': stub})
    x = torch.randn(3, 6, 9)
    y = torch.randint(0, 9, (3, 6))
    y[0, 3:] = 8
    got = cls(ignore_index=8)(x, y)['loss']
    want = F.cross_entropy(x[:, :-1].reshape(-1, 9), y[:, 1:].reshape(-1), ignore_index=8)
    record(f, 'SARLoss', (got - want).abs().item(), 'none: shifted CE with ignore_index (padding)')


easycv()

def ldl():
    f = 'ldl__genLD.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    labels = np.array([3, 0, 9])
    ld = torch.from_numpy(ns['gen_label_distribution'](labels, np.array([2.0, 2.0, 2.0]), 'klloss', 10))
    k = torch.arange(10.0)
    want = torch.exp(-(k[None] - torch.from_numpy(labels).double()[:, None]) ** 2 / 8)
    want = want / want.sum(-1, keepdim=True)
    d = (ld - want).abs().max().item()
    peaked = bool((ld.argmax(-1) == torch.from_numpy(labels)).all())
    uniform_like = (ld - (onehot(torch.from_numpy(labels), 10) * 0.9 + 0.01)).abs().max().item() < 1e-3
    record(f, 'gen_label_distribution', d if peaked and not uniform_like else 1.0,
           'other: rows are normalised Gaussians exp(-(k-y)^2 / 2 sigma^2) around each label (sigma = 2 here), '
           'not a uniform or K-1 mix')


ldl()


def splitcross():
    f = 'awdlstm__splitcross.py'
    cls = load(f, 'SplitCrossEntropyLoss', {'defaultdict': __import__('collections').defaultdict})
    w, b, h = torch.randn(9, 4), torch.randn(9), torch.randn(12, 4)
    y = torch.randint(0, 9, (12,))
    got = cls(hidden_size=4, splits=[])(w, b, h, y)
    record(f, 'SplitCrossEntropyLoss', (got - F.cross_entropy(h @ w.t() + b, y)).abs().item(),
           'none: with no splits, == F.cross_entropy(hiddens @ W.T + b, targets) (the code sums in float32)', F32)
    crit = cls(hidden_size=4, splits=[4])
    full = crit.logprob(w, b, h)
    record(f, 'SplitCrossEntropyLoss', (crit(w, b, h, y) - F.nll_loss(full, y)).abs().item(),
           'none: with a split at 4, == NLL of its own two-level log-probabilities (summed in float32)', F32)


splitcross()


def distillation():
    f = 'ureca__distillation.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    s_logits, t_logits = torch.randn(6, 7), torch.randn(6, 7)
    y = torch.randint(0, 7, (6,))
    p = F.softmax(t_logits / 5, 1)
    kl = (p * (p.log() - F.log_softmax(s_logits / 5, 1))).sum(1).mean() * 25
    want = 0.7 * kl + 0.3 * F.cross_entropy(s_logits, y)
    record(f, 'distillation_loss', (ns['distillation_loss'](s_logits, t_logits, y) - want).abs().item(),
           'soft_target: 0.7 * T^2 * KL(teacher_T || student_T) + 0.3 * CE(student, labels), T = 5')


distillation()


def htsat():
    f = 'htsat__utils.py'
    bce, ce = load(f, 'clip_bce'), load(f, 'clip_ce')
    p, t = torch.rand(5, 6).clamp(0.01, 0.99), (torch.rand(5, 6) > 0.5).double()
    want = -(t * p.log() + (1 - t) * (1 - p).log()).mean()
    record(f, 'clip_bce', (bce(p, t) - want).abs().item(), 'none: mean BCE on the given multi-hot targets')
    x, y = inputs()
    record(f, 'clip_ce', (ce(x, y) - F.cross_entropy(x, y)).abs().item(), 'none: F.cross_entropy')


htsat()


def gpt_losses():
    f = 'openchatkit__utils.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    x = torch.randn(2, 5, 7)
    y = torch.randint(0, 7, (2, 5))
    want = F.cross_entropy(x[:, :-1].reshape(-1, 7), y[:, 1:].reshape(-1))
    record(f, 'gpt_loss_func', (ns['gpt_loss_func'](x, y) - want).abs().item(), 'none: shifted causal-LM CE')
    g = 'gpt2tpnam__losses.py'
    cls = load(g, 'GPTLoss')
    x, y = inputs()
    record(g, 'GPTLoss', (cls()(x, y) - F.cross_entropy(x, y)).abs().item(), 'none: nn.CrossEntropyLoss()')


gpt_losses()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
