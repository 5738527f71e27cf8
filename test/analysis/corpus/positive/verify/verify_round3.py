#!/usr/bin/python3
"""Numerical checks for the labels of the files added in the third round (OpenNMT-py, ShuffleNet.pytorch, mmpretrain, AllenNLP). Same
method as verify_all.py, whose helpers it reuses. Swin-Transformer's main.py only constructs timm's losses (timm is
not installed here): those labels are the catalogue's conventions, checked by reading timm's loss/cross_entropy.py.
Run: /usr/bin/python3 verify_round3.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from verify_all import DT, E, K, N, X, Y, RESULTS, base_ns, ce_rows, check, close, load, q_km1

HERE = os.path.dirname(os.path.abspath(__file__))


def t_opennmt():
    ns = load('opennmt__loss.py', 'LabelSmoothingLoss', ns=base_ns())
    pad = 0
    y = Y.clone()
    y[y == pad] = 1
    y[:2] = pad  # padding rows: all-zero target
    crit = ns['LabelSmoothingLoss'](E, K, ignore_index=pad)
    logp = F.log_softmax(X, -1)
    # K−2 with padding: 1−ε on the true class, ε/(K−2) on the others except the padding class.
    q = torch.full((N, K), E / (K - 2), dtype=DT)
    q[:, pad] = 0
    q.scatter_(1, y.view(-1, 1), 1 - E)
    q[y == pad] = 0
    want = F.kl_div(logp, q, reduction='sum')
    a = close(crit.to(DT)(logp, y), want)
    # the same as a cross-entropy against q minus q's entropy
    ent = torch.xlogy(q, q).sum()
    b = close(want, ce_rows(X, q).sum() + ent)
    return a[0] and b[0], (a, b)


def t_shufflenet():
    ns = load('shufflenet_pytorch__losses.py', 'SoftCrossEntropyLoss', ns=base_ns())
    crit = ns['SoftCrossEntropyLoss'](label_smoothing=E, num_classes=K)
    q = q_km1(Y, K, E)
    want = F.kl_div(F.log_softmax(X, -1), q, reduction='batchmean')
    return close(crit(X, Y), want)


class _SoftCrossEntropy(nn.Module):
    """mmpretrain's CrossEntropyLoss(use_soft=True) with its defaults: −Σ q·log_softmax(x), batch mean."""

    def __init__(self, use_sigmoid=False, use_soft=False, reduction='mean', class_weight=None, pos_weight=None):
        super().__init__()
        assert use_soft and not use_sigmoid and reduction == 'mean' and class_weight is None

    def forward(self, x, q, weight=None, avg_factor=None, reduction_override=None, **kwargs):
        return ce_rows(x, q).mean()


def t_mmpretrain():
    one_hot = lambda y, k: F.one_hot(y.view(-1), k)  # noqa: E731
    ns = load('mmpretrain__label_smooth_loss.py', 'LabelSmoothLoss',
              ns=base_ns(CrossEntropyLoss=_SoftCrossEntropy, convert_to_one_hot=one_hot))
    crit = ns['LabelSmoothLoss'](label_smooth_val=E, num_classes=K)
    return close(crit(X, Y), F.cross_entropy(X, Y, label_smoothing=E))


def t_allennlp():
    ns = load('allennlp__util.py', 'tiny_value_of_dtype', 'sequence_cross_entropy_with_logits',
              ns=base_ns(numpy=__import__('numpy')))
    logits = X.view(1, N, K)
    targets = Y.view(1, N)
    got = ns['sequence_cross_entropy_with_logits'](logits, targets, torch.ones(1, N, dtype=DT),
                                                    average='token', label_smoothing=E)
    return close(got, F.cross_entropy(X, Y, label_smoothing=E))


if __name__ == '__main__':
    RESULTS.clear()
    check('opennmt__loss.py', 'LabelSmoothingLoss', t_opennmt)
    check('shufflenet_pytorch__losses.py', 'SoftCrossEntropyLoss', t_shufflenet)
    check('mmpretrain__label_smooth_loss.py', 'LabelSmoothLoss', t_mmpretrain)
    check('allennlp__util.py', 'sequence_cross_entropy_with_logits', t_allennlp)
    with open(os.path.join(HERE, 'results_round3.json'), 'w') as f:
        json.dump(RESULTS, f, indent=1, sort_keys=True)
