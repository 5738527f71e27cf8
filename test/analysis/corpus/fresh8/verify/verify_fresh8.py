#!/usr/bin/python3
"""Checks fresh8's labels numerically: `/usr/bin/python3 verify_fresh8.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a method
as a plain function called with a stub `self`), executes it with torch in float64 on random inputs, and compares
what it computes with the reference of the labelled convention:

- uniform:            target (1 - eps) * onehot + eps / K            == F.cross_entropy(label_smoothing=eps)
- k_minus_1:          target (1 - eps) on the label, eps / (K - 1) off it
- k_minus_2_padding:  target (1 - eps) on the label, eps / (K - 2) off it, 0 on the padding column and padding rows
- other:              the code's target, shown not to be any of the above
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
    ns = {'torch': torch, 'nn': nn, 'F': F, 'np': np, 'numpy': np, 'math': __import__('math')}
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


def padding_target(y, k, eps, pad):
    t = onehot(y, k)
    out = t * (1 - eps) + (1 - t) * eps / (k - 2)
    out[:, pad] = 0
    out[y == pad] = 0
    return out


def soft_ce(x, t):
    return -(t * F.log_softmax(x, -1)).sum(-1)


# ---------------------------------------------------------------- uniform
def autotest():
    cls = load('autotest__labelsmooth.py', 'LabelSmoothingCrossEntropy')
    x, y = inputs()
    for eps in (0.1, 0.3):
        got = cls(eps=eps)(x, y)
        record('autotest__labelsmooth.py', 'LabelSmoothingCrossEntropy',
               (got - F.cross_entropy(x, y, label_smoothing=eps)).abs().item(),
               f'uniform: eps/c * sum(-logp) + (1-eps) * nll == CE(label_smoothing={eps})')


def surgical_check():
    cls = load('surgicalmtl__caption_loss.py', 'CELossWithLS')
    x = torch.randn(3, 5, 9)
    t = torch.randint(0, 8, (3, 5))
    t[0, :2] = 8  # ignored tokens
    for eps in (0.1, 0.2):
        got = cls(classes=9, smoothing=eps, gamma=0.0, ignore_index=8)(x, t)
        keep = t != 8
        want = F.cross_entropy(x[keep], t[keep], label_smoothing=eps)
        record('surgicalmtl__caption_loss.py', 'CELossWithLS', (got - want).abs().item(),
               f'uniform: (1-eps)*onehot + eps/K with focal weight (1-p)^gamma; gamma=0 == CE(label_smoothing={eps}) '
               'over the non-ignored tokens')


def argusswift():
    cls = load('yolov4argusswift__data_augment.py', 'LabelSmooth')
    y = onehot(torch.randint(0, 20, (8,)), 20)
    for d in (0.01, 0.1):
        got = cls(delta=d)(y, 20)
        record('yolov4argusswift__data_augment.py', 'LabelSmooth', (got - (y * (1 - d) + d / 20)).abs().max().item(),
               f'uniform builder: onehot*(1-delta) + delta/num_classes (delta={d})')


# ---------------------------------------------------------------- k_minus_1
def ningan():
    cls = load('ningan__label_smothing_cross_entropy_loss.py', 'LabelSmoothCrossEntropyLoss',
               {'_WeightedLoss': nn.modules.loss._WeightedLoss})
    x, y = inputs()
    for eps in (0.1, 0.2):
        got = cls(smoothing=eps)(x, y)
        want = soft_ce(x, k_minus_1_target(y, 7, eps)).mean()
        record('ningan__label_smothing_cross_entropy_loss.py', 'LabelSmoothCrossEntropyLoss', (got - want).abs().item(),
               f'k_minus_1: fill eps/(K-1), scatter 1-eps, -sum(t*log_softmax) mean (eps={eps})')


# ---------------------------------------------------------------- k_minus_2_padding
def texar():
    seen = {}

    def seq_ce(labels, logits, sequence_length, average_across_batch, sum_over_timesteps):
        seen['labels'] = labels
        return soft_ce(logits, labels)

    tx = types.SimpleNamespace(losses=types.SimpleNamespace(sequence_softmax_cross_entropy=seq_ce))
    cls = load('texar__model.py', 'LabelSmoothingLoss', {'tx': tx})
    b, l, v = 3, 4, 11
    logits = torch.randn(b, l, v)
    labels = torch.randint(1, v, (b, l))
    labels[0, -1] = 0  # padding
    for eps in (0.1, 0.2):
        got = cls(label_confidence=1 - eps, tgt_vocab_size=v, ignore_index=0)(logits, labels, None)
        want_t = padding_target(labels.reshape(-1), v, eps, 0).view(b, l, v)
        d = (seen['labels'] - want_t).abs().max().item()
        d = max(d, (got - soft_ce(logits, want_t)).abs().max().item())
        record('texar__model.py', 'LabelSmoothingLoss', d,
               f'k_minus_2_padding: eps/(V-2), 1-eps on the label, 0 on the pad column and pad rows (eps={eps})')


def origtransformer():
    cls = load('origtransformer/utils/optimizers_and_distributions.py', 'LabelSmoothingDistribution')
    v, pad = 10, 1
    y = torch.randint(0, v, (7, 1))
    y[2, 0] = pad
    for eps in (0.1, 0.3):
        got = cls(eps, pad, v, 'cpu')(y)
        want = padding_target(y.view(-1), v, eps, pad)
        record('origtransformer/utils/optimizers_and_distributions.py', 'LabelSmoothingDistribution',
               (got - want).abs().max().item(),
               f'k_minus_2_padding builder: eps/(V-2), 1-eps on the label, 0 on the pad column and pad rows (eps={eps})')


# ---------------------------------------------------------------- other
def tucker():
    text = source('tucker__main.py')
    line = next(s.strip() for s in text.splitlines() if s.strip().startswith('targets = ((1.0-self.label_smoothing)'))
    y = (torch.rand(4, 10) > 0.8).double()
    ns = {'targets': y.clone(), 'self': types.SimpleNamespace(label_smoothing=0.1)}
    exec(line, ns)
    got = ns['targets']
    # off value 1/K (not eps/K), on value 1 - eps + 1/K: rows do not sum to 1 and no registered convention matches
    d = (got - (y * 0.9 + 1 / 10)).abs().max().item()
    if (got - (y * 0.9 + 0.1 / 10)).abs().max().item() < 1e-6 or (got - (y * 0.9 + 0.05)).abs().max().item() < 1e-6:
        d = 1.0
    record('tucker__main.py', 'Experiment.train_and_eval', d,
           'other: (1-eps)*y + 1/K on multi-hot BCE targets (neither eps/K nor eps/2 off the label)')


# ---------------------------------------------------------------- soft_target
def dinov2():
    cls = load('dinov2__dino_clstoken_loss.py', 'DINOLoss', {'dist': torch.distributed})
    loss = cls(out_dim=8, student_temp=0.1)
    s = [torch.randn(4, 8) for _ in range(2)]
    t = [F.softmax(torch.randn(4, 8), -1) for _ in range(2)]
    want = sum(soft_ce(si / 0.1, ti).mean() for si in s for ti in t)
    record('dinov2__dino_clstoken_loss.py', 'DINOLoss', (loss(s, t) - want).abs().item(),
           'soft_target: -sum(teacher_probs * log_softmax(student / T)) over every student/teacher pair')


# ---------------------------------------------------------------- none
def plain_ce_checks():
    x, y = inputs(6, 9)
    fn = load('clipgen__losses.py', 'ce_caption_loss')
    logits, labels = torch.randn(2, 5, 9), torch.randint(0, 9, (2, 5))
    labels[0, 0] = 0
    want = F.cross_entropy(logits.reshape(-1, 9), labels.flatten(), ignore_index=0)
    record('clipgen__losses.py', 'ce_caption_loss', (fn(logits, labels) - want).abs().item(),
           'none: F.cross_entropy(ignore_index=0) on flattened caption tokens')
    fn = load('text2imagegan__loss.py', 'image_to_text_loss')
    want = F.cross_entropy(logits.reshape(-1, 9), labels.reshape(-1))
    record('text2imagegan__loss.py', 'image_to_text_loss', (fn(logits, labels) - want).abs().item(),
           'none: F.cross_entropy on flattened tokens')
    fn = load('fastbook__binary_cross_entropy.py', 'binary_cross_entropy')
    z, t = torch.randn(10), (torch.rand(10) > 0.5).double()
    record('fastbook__binary_cross_entropy.py', 'binary_cross_entropy',
           (fn(z, t) - F.binary_cross_entropy_with_logits(z, t)).abs().item(),
           'none: -log(where(t == 1, p, 1 - p)).mean() == BCE-with-logits on 0/1 targets')


def gcn():
    fn = load('benchmarkinggnns__gcn_net.py', 'GCNNet.loss')
    k = 5
    pred = torch.randn(12, k).float()  # the code casts its weights to float32
    label = torch.randint(0, k - 1, (12,))  # one class absent
    stub = types.SimpleNamespace(n_classes=k, device='cpu')
    counts = torch.bincount(label, minlength=k).double()
    w = ((12 - counts) / 12 * (counts > 0).double()).float()
    record('benchmarkinggnns__gcn_net.py', 'GCNNet.loss',
           (fn(stub, pred, label) - F.cross_entropy(pred, label, weight=w)).abs().item(),
           'none: class-frequency weighted CE, weight_c = (V - n_c)/V, 0 for absent classes (float32 as the code casts: '
           '1e-6)', tol=1e-6)


def graphgps():
    cfg = types.SimpleNamespace(dataset=types.SimpleNamespace(task_type='classification_multilabel'),
                                model=types.SimpleNamespace(loss_fun='cross_entropy'))
    fn = load('graphgps__multilabel_classification_loss.py', 'multilabel_cross_entropy', {'cfg': cfg})
    pred = torch.randn(5, 3)
    true = (torch.rand(5, 3) > 0.5).double()
    true[1, 2] = float('nan')
    keep = true == true
    got, _ = fn(pred, true)
    record('graphgps__multilabel_classification_loss.py', 'multilabel_cross_entropy',
           (got - F.binary_cross_entropy_with_logits(pred[keep], true[keep])).abs().item(),
           'none: BCE-with-logits on the labelled (non-NaN) entries (the code casts targets to float32: 1e-6)', tol=1e-6)


def libkge():
    cfg = types.SimpleNamespace(get=lambda key: 'cpu')
    base = load('libkge__loss.py', 'KgeLoss')
    cls = load('libkge__loss.py', 'BCEWithLogitsKgeLoss', {'KgeLoss': base})
    scores = torch.randn(4, 6)
    labels = torch.randint(0, 6, (4,))
    got = cls(cfg)(scores, labels)
    want = F.binary_cross_entropy_with_logits(scores, onehot(labels, 6), reduction='sum')
    record('libkge__loss.py', 'BCEWithLogitsKgeLoss', (got - want).abs().item(),
           'none: summed BCE-with-logits against the one-hot (1-vs-all) labels (built in float32: 1e-6)', tol=1e-6)


def s3rec():
    fn = load('s3rec__trainers.py', 'Trainer.cross_entropy')
    b, l, h, n = 2, 3, 4, 10
    emb = nn.Embedding(n, h)
    args = types.SimpleNamespace(hidden_size=h, max_seq_length=l)
    stub = types.SimpleNamespace(model=types.SimpleNamespace(item_embeddings=emb, args=args), args=args)
    seq = torch.randn(b, l, h)
    pos = torch.randint(1, n, (b, l))
    pos[0, 0] = 0  # padding
    neg = torch.randint(1, n, (b, l))
    got = fn(stub, seq, pos, neg)
    pl = (emb(pos).view(-1, h) * seq.view(-1, h)).sum(-1)
    nl = (emb(neg).view(-1, h) * seq.view(-1, h)).sum(-1)
    m = (pos > 0).view(-1).double()
    want = ((F.binary_cross_entropy_with_logits(pl, torch.ones_like(pl), reduction='none') +
             F.binary_cross_entropy_with_logits(nl, torch.zeros_like(nl), reduction='none')) * m).sum() / m.sum()
    record('s3rec__trainers.py', 'Trainer.cross_entropy', (got - want).abs().item(), 'none: masked BCE, positives 1, '
           'sampled negatives 0 (+1e-24 inside the logs: 1e-6 tolerance)', tol=1e-6)


def chexpert():
    fn = load('chexpert__train.py', 'get_loss')
    cfg = types.SimpleNamespace(criterion='BCE', num_classes=[1, 1, 1], pos_weight=[1.0, 2.0, 0.5], batch_weight=False)
    output = [torch.randn(6, 1) for _ in range(3)]
    target = (torch.rand(6, 3) > 0.5).double()
    d = 0.0
    for i in range(3):
        loss, _ = fn(output, target, i, 'cpu', cfg)
        want = F.binary_cross_entropy_with_logits(output[i].view(-1), target[:, i],
                                                  pos_weight=torch.tensor(cfg.pos_weight[i]))
        d = max(d, (loss - want).abs().item())
    record('chexpert__train.py', 'get_loss', d, 'none: per-task BCE-with-logits with pos_weight on 0/1 labels')


def unet():
    cls = load('unetnamdvt__loss.py', 'DiceLoss')
    x, t = torch.randn(2, 1, 4, 4), (torch.rand(2, 1, 4, 4) > 0.5).double()
    p = torch.sigmoid(x)
    dice = 1 - (2 * (p * t).sum() + 1.0) / ((p ** 2).sum() + (t ** 2).sum() + 1.0)
    want = dice + F.binary_cross_entropy_with_logits(p, t)
    record('unetnamdvt__loss.py', 'DiceLoss', (cls(1.0)(x, t) - want).abs().item(),
           'none: soft dice + BCE-with-logits applied to the already-sigmoided outputs, on the given mask')


def nvsemseg():
    cfg = types.SimpleNamespace(DATASET=types.SimpleNamespace(IGNORE_LABEL=255), BATCH_WEIGHTING=False)
    logx = types.SimpleNamespace(msg=lambda m: None)
    cls = load('nvsemseg__utils.py', 'CrossEntropyLoss2d', {'cfg': cfg, 'logx': logx})
    x = torch.randn(2, 4, 3, 3)
    y = torch.randint(0, 4, (2, 3, 3))
    y[0, 0, 0] = 255
    record('nvsemseg__utils.py', 'CrossEntropyLoss2d', (cls()(x, y) - F.cross_entropy(x, y, ignore_index=255)).abs().item(),
           'none: NLL(log_softmax) with ignore_index')


autotest()
surgical_check()
argusswift()
ningan()
texar()
origtransformer()
tucker()
dinov2()
plain_ce_checks()
gcn()
graphgps()
libkge()
s3rec()
chexpert()
unet()
nvsemseg()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
