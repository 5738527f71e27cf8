#!/usr/bin/python3
"""Numerical checks for the labels of the files added in the second round (vissl, composer, mmf, once-for-all,
fast-autoaugment, ShuffleNet-Series). Same method as verify_all.py, whose helpers it reuses: each labelled class or
function is pulled out of the saved corpus file, run on random float64 logits and labels, and compared with
PyTorch's own loss for the convention in ../labels.json. Run: /usr/bin/python3 verify_added.py
"""
import json
import os
import types

import torch
import torch.nn as nn
import torch.nn.functional as F

from verify_all import DT, E, K, N, X, Y, base_ns, ce_ls, ce_rows, check, close, load, q_km1, q_uniform, RESULTS

HERE = os.path.dirname(os.path.abspath(__file__))


def t_vissl():
    ns = base_ns(is_on_gpu=lambda m: False, ClassyLoss=nn.Module, AttrDict=dict)
    load('vissl__cross_entropy_multiple_output_single_target.py', 'EnsembleOutput', 'SmoothCrossEntropy',
         'CrossEntropyMultipleOutputSingleTargetCriterion', ns=ns)
    crit = ns['CrossEntropyMultipleOutputSingleTargetCriterion'](label_smoothing=E)
    a = close(crit(X, Y), ce_ls())
    b = close(ns['CrossEntropyMultipleOutputSingleTargetCriterion']()(X, Y), F.cross_entropy(X, Y))
    return a[0] and b[0], (a, b)


def t_composer():
    ns = base_ns()
    load('composer__utils.py', 'infer_target_type', 'ensure_targets_one_hot', 'check_for_index_targets', '_one_hot',
         ns=ns)
    load('composer__label_smoothing.py', 'smooth_labels', ns=ns)
    q = ns['smooth_labels'](X, Y, smoothing=E)
    return close(q, q_uniform(Y, K, E))


def t_mmf():
    ns = base_ns()
    load('mmf__losses.py', 'SoftLabelCrossEntropyLoss', 'LabelSmoothingCrossEntropyLoss', ns=ns)
    m = ns['LabelSmoothingCrossEntropyLoss'](label_smoothing=E)
    a = close(m({'targets': Y}, {'scores': X}), ce_rows(X, q_km1(Y, K, E)).mean())
    y = Y.clone()
    y[:2] = -100  # ignore_index rows: zero target, mean over the rest
    b = close(m({'targets': y}, {'scores': X}), ce_rows(X[2:], q_km1(Y[2:], K, E)).mean())
    return a[0] and b[0], (a, b)


def t_ofa(which):
    ns = load('once_for_all__pytorch_utils.py', 'label_smooth', 'cross_entropy_loss_with_soft_target',
              'cross_entropy_with_label_smoothing')
    if which == 'label_smooth':
        return close(ns['label_smooth'](Y, K, E), q_uniform(Y, K, E))
    if which == 'cross_entropy_loss_with_soft_target':
        t = torch.softmax(torch.randn(N, K, dtype=DT), -1)
        return close(ns[which](X, t), F.cross_entropy(X, t))
    return close(ns[which](X, Y, E), ce_ls())


def t_faa(which):
    ns = load('fast_autoaugment__metrics.py', 'CrossEntropyLabelSmooth')
    if which == 'CrossEntropyLabelSmooth':
        a = close(ns[which](K, E)(X, Y), ce_ls())
        b = close(ns[which](K, E, reduction='sum')(X, Y), ce_ls(reduction='sum'))
        return a[0] and b[0], (a, b)
    load('fast_autoaugment__aug_mixup.py', 'CrossEntropyMixUpLabelSmooth', ns=ns)
    y2 = Y.flip(0)
    lam = 0.3
    q = lam * q_uniform(Y, K, E) + (1 - lam) * q_uniform(y2, K, E)
    return close(ns[which](K, E)(X, Y, y2, lam), ce_rows(X, q).mean())


def t_shufflenet():
    ns = load('shufflenet_series__utils.py', 'CrossEntropyLabelSmooth')
    return close(ns['CrossEntropyLabelSmooth'](K, E)(X, Y), ce_ls())


if __name__ == '__main__':
    RESULTS.clear()
    check('vissl__cross_entropy_multiple_output_single_target.py', 'CrossEntropyMultipleOutputSingleTargetCriterion',
          t_vissl)
    check('composer__label_smoothing.py', 'smooth_labels', t_composer)
    check('mmf__losses.py', 'LabelSmoothingCrossEntropyLoss', t_mmf)
    for w in ('label_smooth', 'cross_entropy_loss_with_soft_target', 'cross_entropy_with_label_smoothing'):
        check('once_for_all__pytorch_utils.py', w, lambda w=w: t_ofa(w))
    check('fast_autoaugment__metrics.py', 'CrossEntropyLabelSmooth', lambda: t_faa('CrossEntropyLabelSmooth'))
    check('fast_autoaugment__aug_mixup.py', 'CrossEntropyMixUpLabelSmooth',
          lambda: t_faa('CrossEntropyMixUpLabelSmooth'))
    check('shufflenet_series__utils.py', 'CrossEntropyLabelSmooth', t_shufflenet)
    with open(os.path.join(HERE, 'results_added.json'), 'w') as f:
        json.dump(RESULTS, f, indent=1, sort_keys=True)
