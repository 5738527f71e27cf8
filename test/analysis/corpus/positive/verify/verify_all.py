#!/usr/bin/python3
"""Numerical checks for the corpus labels in ../labels.json.

Run with Debian's torch:  /usr/bin/python3 verify_all.py
Each check pulls the class/function source out of the saved corpus file (by name, via ast, decorators
dropped), executes it in a namespace with small stubs for project-internal imports, feeds random
logits/targets and compares against the reference for the convention claimed in labels.json.
Prints "PASS <file>::<symbol>" / "FAIL ..." per label and writes results.json next to this script.
"""
import ast
import json
import math
import os
import sys
import tempfile
import textwrap
import traceback
import types
from functools import partial

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
REALWORLD = os.path.join(CORPUS, '..', '..', 'realworld')
torch.manual_seed(0)
np.random.seed(0)
DT = torch.float64
RESULTS = {}


def base_ns(**extra):
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Tensor=torch.Tensor, pt=torch,
              Optional=__import__('typing').Optional, List=list, Dict=dict, Tuple=tuple,
              Union=__import__('typing').Union, Any=__import__('typing').Any,
              Callable=__import__('typing').Callable, Literal=__import__('typing').Literal,
              Variable=lambda x, requires_grad=False: x, partial=partial, functools=__import__('functools'),
              _Loss=nn.modules.loss._Loss, _WeightedLoss=nn.modules.loss._WeightedLoss, Module=nn.Module)
    ns.update(extra)
    return ns


def load(fname, *names, ns=None, src=None):
    """exec the named top-level defs/classes of a corpus file into ns (decorators dropped)."""
    path = os.path.join(CORPUS, fname) if src is None else src
    text = open(path, encoding='utf-8').read()
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    ns = base_ns() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    # also top-level defs nested in `if` blocks
    for n in tree.body:
        if isinstance(n, ast.If):
            for m in n.body:
                if isinstance(m, (ast.FunctionDef, ast.ClassDef)):
                    found.setdefault(m.name, m)
    for name in names:
        node = found[name]
        seg = ''.join(lines[node.lineno - 1:node.end_lineno])
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


def close(a, b, tol=1e-6):
    a = torch.as_tensor(a, dtype=DT)
    b = torch.as_tensor(b, dtype=DT)
    d = (a - b).abs().max().item()
    return d <= tol * max(1.0, b.abs().max().item()), f'max|diff|={d:.3g}'


# ---------------------------------------------------------------- references
def q_uniform(y, K, e):
    return F.one_hot(y, K).to(DT) * (1 - e) + e / K


def q_km1(y, K, e):
    return torch.full((y.numel(), K), e / (K - 1), dtype=DT).scatter_(1, y.view(-1, 1), 1 - e)


def q_km2pad(y, K, e, pad):
    q = torch.full((y.numel(), K), e / (K - 2), dtype=DT).scatter_(1, y.view(-1, 1), 1 - e)
    q[:, pad] = 0
    q[y == pad] = 0
    return q


def ce_rows(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


def kl_rows(x, q):
    return F.kl_div(F.log_softmax(x, -1), q, reduction='none').sum(-1)


def binary_t(t, a):
    return t * (1 - a) + a / 2


N, K, E = 7, 6, 0.2
X = torch.randn(N, K, dtype=DT)
Y = torch.randint(0, K, (N,))


def ce_ls(x=X, y=Y, e=E, **kw):
    return F.cross_entropy(x, y, label_smoothing=e, **kw)


# ---------------------------------------------------------------- NVIDIA DeepLearningExamples
def t_dle_smoothing():
    ns = load('nvidia_dle__smoothing.py', 'LabelSmoothing')
    return close(ns['LabelSmoothing'](E)(X, Y), ce_ls())


def t_dle_mixup():
    ns = load('nvidia_dle__mixup.py', 'NLLMultiLabelSmooth')
    m = ns['NLLMultiLabelSmooth'](E).train()
    t = torch.softmax(torch.randn(N, K, dtype=DT), -1)  # soft (mixed) target
    a = close(m(X, F.one_hot(Y, K).to(DT)), ce_ls())
    b = close(m(X, t), ce_rows(X, t * (1 - E) + E / K).mean())
    c = close(m.eval()(X, t), F.cross_entropy(X, t))
    return a[0] and b[0] and c[0], (a, b, c)


def t_dle_criterions(which):
    ns = load('nvidia_dle__criterions.py', 'CrossEntropyCriterion', 'LabelSmoothedCrossEntropyCriterion')
    args = types.SimpleNamespace(padding_idx=1, label_smoothing=E)
    y = Y.clone(); y[:2] = 1
    lp = F.log_softmax(X, -1)
    if which == 'none':
        return close(ns['CrossEntropyCriterion'](args)(lp, y), F.nll_loss(lp, y, ignore_index=1, reduction='sum'))
    return close(ns['LabelSmoothedCrossEntropyCriterion'](args)(lp, y),
                 ce_ls(y=y, ignore_index=1, reduction='sum'))


def t_fairseq_style_fn(fname, e_scale=1.0):
    ns = load(fname, 'label_smoothed_nll_loss')
    y = Y.clone(); y[:2] = 3
    loss = ns['label_smoothed_nll_loss'](F.log_softmax(X, -1), y, E, ignore_index=3)
    loss = loss[0] if isinstance(loss, tuple) else loss
    return close(loss, ce_ls(y=y, e=E * e_scale, ignore_index=3, reduction='sum'))


def t_new_focal(fname):
    ns = load(fname, 'new_focal_loss')
    x = torch.randn(2, 3, 4, 5, dtype=DT)
    t = (torch.rand(2, 3, 4, 5) > 0.7).to(DT)
    got = ns['new_focal_loss'](x, t, alpha=0.5, gamma=0.0, normalizer=2.0, label_smoothing=E)
    ref = 0.5 * F.binary_cross_entropy_with_logits(x, binary_t(t, E), reduction='none') / 2.0
    return close(got, ref)


def t_dle_classification_loss():
    ns = load('nvidia_dle__efficientdet_loss.py', 'new_focal_loss', '_classification_loss')
    x = torch.randn(2, 3, 4, 5, dtype=DT)
    t = (torch.rand(2, 3, 4, 5) > 0.7).to(DT)
    got = ns['_classification_loss'](x, t, 2.0, alpha=0.5, gamma=0.0, label_smoothing=E)
    ref = 0.5 * F.binary_cross_entropy_with_logits(x, binary_t(t, E), reduction='none') / 2.0
    return close(got, ref)


def t_effdet_loss_fn(legacy):
    ns = load('effdet__loss.py', 'focal_loss_legacy', 'new_focal_loss', 'huber_loss', '_box_loss', 'one_hot', 'loss_fn')
    B, A, C, H, W = 2, 3, 4, 5, 5
    cls_out = [torch.randn(B, A * C, H, W, dtype=torch.float32)]
    box_out = [torch.randn(B, A * 4, H, W, dtype=torch.float32)]
    cls_t = [torch.randint(-1, C, (B, H, W, A))]
    box_t = [torch.randn(B, H, W, A * 4)]
    npos = torch.tensor([3.0, 4.0])
    tot, cls, box = ns['loss_fn'](cls_out, box_out, cls_t, box_t, npos, num_classes=C, alpha=0.5, gamma=0.0,
                                  delta=0.1, box_loss_weight=50.0, label_smoothing=E, legacy_focal=legacy)
    oh = F.one_hot(cls_t[0].clamp(min=0), C).float() * (cls_t[0] >= 0).unsqueeze(-1)
    oh = oh.view(B, H, W, A * C)
    x = cls_out[0].permute(0, 2, 3, 1)
    tgt = oh if legacy else binary_t(oh, E)
    ref = 0.5 * F.binary_cross_entropy_with_logits(x, tgt, reduction='sum') / (npos.sum() + 1)
    return close(cls, ref, 1e-5)


# ---------------------------------------------------------------- pytorch-toolbelt / smp
def t_soft_bce(fname, smooth):
    ns = load(fname, 'SoftBCEWithLogitsLoss')
    x = torch.randn(5, 4, dtype=DT)
    t = (torch.rand(5, 4) > 0.5).to(DT)
    m = ns['SoftBCEWithLogitsLoss'](smooth_factor=smooth, ignore_index=None)
    got = m(x, t)
    if smooth is None:
        return close(got, F.binary_cross_entropy_with_logits(x, t))
    ref = F.binary_cross_entropy_with_logits(x, t * (1 - smooth) + (1 - t) * smooth)  # = binary with alpha=2*eps
    not_binary = (got - F.binary_cross_entropy_with_logits(x, binary_t(t, smooth))).abs().item() > 1e-4
    ok, d = close(got, ref)
    return ok and not_binary, d + ' (differs from binary ε/2: %s)' % not_binary


def toolbelt_functional_ns():
    return load(None, 'label_smoothed_nll_loss', src=os.path.join(REALWORLD, 'pytorch_toolbelt_functional.py'))


def t_soft_ce(fname):
    ns = toolbelt_functional_ns()
    load(fname, 'SoftCrossEntropyLoss', ns=ns)
    m = ns['SoftCrossEntropyLoss'](smooth_factor=E, ignore_index=-100)
    x = torch.randn(2, K, 3, 3, dtype=DT)
    y = torch.randint(0, K, (2, 3, 3))
    return close(m(x, y), ce_ls(x, y))


def t_bitempered(which):
    ns = load('pytorch_toolbelt__bitempered_loss.py', 'log_t', 'exp_t', 'compute_normalization_fixed_point',
              'compute_normalization_binary_search', 'ComputeNormalization', 'compute_normalization',
              'tempered_softmax', 'bi_tempered_logistic_loss', 'BiTemperedLogisticLoss',
              'BinaryBiTemperedLogisticLoss')
    # t1 = t2 = 1 reduces the bi-tempered loss to KL(target || softmax)
    if which == 'fn':
        return close(ns['bi_tempered_logistic_loss'](X, Y, 1.0, 1.0, label_smoothing=E, reduction='none'),
                     kl_rows(X, q_km1(Y, K, E)), 1e-6)
    if which == 'cls':
        return close(ns['BiTemperedLogisticLoss'](1.0, 1.0, smoothing=E)(X, Y), kl_rows(X, q_km1(Y, K, E)).mean(), 1e-6)
    x = torch.randn(6, 1, dtype=DT)
    t = (torch.rand(6, 1) > 0.5).to(DT)
    got = ns['BinaryBiTemperedLogisticLoss'](1.0, 1.0, smoothing=E, reduction='none')(x, t).view(-1)
    x2 = torch.cat([-x, x], 1)
    ref = kl_rows(x2, q_km1(t.view(-1).long(), 2, E))
    return close(got, ref, 1e-6)


# ---------------------------------------------------------------- speech: wenet, icefall, espnet-like
def seq_batch(pad):
    B, T = 3, 4
    x = torch.randn(B, T, K, dtype=DT)
    y = torch.randint(0, K, (B, T))
    if pad >= 0:
        y[y == pad] = (pad + 1) % K
    y[0, -2:] = pad
    y[2, -1] = pad
    return x, y


def t_wenet(fname, normalize_length):
    ns = load(fname, 'LabelSmoothingLoss')
    x, y = seq_batch(-1)
    m = ns['LabelSmoothingLoss'](size=K, padding_idx=-1, smoothing=E, normalize_length=normalize_length)
    keep = y.view(-1) != -1
    yy = y.view(-1).clamp(min=0)
    kl = kl_rows(x.view(-1, K), q_km1(yy, K, E))[keep].sum()
    ref = kl / (keep.sum() if normalize_length else x.size(0))
    return close(m(x, y), ref)


def t_icefall():
    ns = load('icefall__label_smoothing.py', 'LabelSmoothingLoss')
    x, y = seq_batch(-1)
    got = ns['LabelSmoothingLoss'](ignore_index=-1, label_smoothing=E, reduction='sum')(x, y)
    return close(got, ce_ls(x.view(-1, K), y.view(-1), ignore_index=-1, reduction='sum'))


def t_joeynmt(smoothing):
    ns = load('joeynmt__loss.py', 'XentLoss', ns=base_ns(_Loss=nn.modules.loss._Loss))
    pad = 1
    x, y = seq_batch(pad)
    lp = F.log_softmax(x, -1)
    got = ns['XentLoss'](pad_index=pad, smoothing=smoothing)(lp, trg=y)
    if smoothing == 0:
        return close(got, F.nll_loss(lp.view(-1, K), y.view(-1), ignore_index=pad, reduction='sum'))
    q = q_km2pad(y.view(-1), K, smoothing, pad)
    return close(got, F.kl_div(lp.view(-1, K), q, reduction='sum'))


def t_unilm():
    ns = load('unilm__loss.py', 'LabelSmoothingLoss')
    pad = 0
    x, y = seq_batch(pad)
    lp = F.log_softmax(x, -1)
    m = ns['LabelSmoothingLoss'](label_smoothing=E, tgt_vocab_size=K, ignore_index=pad)
    m.one_hot = m.one_hot.to(DT)
    got = m(lp, y)
    q = q_km2pad(y.view(-1), K, E, pad)
    ref = F.kl_div(lp.view(-1, K), q, reduction='none').sum(-1).view(3, 4)
    return close(got, ref)


def speechbrain_ns():
    import logging
    ns = base_ns(get_logger=logging.getLogger, length_to_mask=None, filter_ctc_output=None, unsqueeze_as=None)
    return load('speechbrain__losses.py', 'truncate', 'compute_masked_loss', 'compute_length_mask', 'reduce_loss',
                'nll_loss', 'bce_loss', 'kldiv_loss', ns=ns)


def t_sb_nll():
    ns = speechbrain_ns()
    return close(ns['nll_loss'](F.log_softmax(X, -1), Y, label_smoothing=E), ce_ls())


def t_sb_kldiv():
    ns = speechbrain_ns()
    y = Y.clone(); y[:2] = 0  # pad_idx=0 rows are masked
    got = ns['kldiv_loss'](F.log_softmax(X, -1), y, label_smoothing=E, reduction='batchmean')
    keep = y != 0
    return close(got, kl_rows(X, q_km1(y, K, E))[keep].sum() / N)


def t_sb_bce():
    ns = speechbrain_ns()
    x = torch.randn(8, dtype=DT)
    t = (torch.rand(8) > 0.5).to(DT)
    got = ns['bce_loss'](x, t, label_smoothing=E)
    # 1-D inputs become (B, 1); the regulariser mean(predictions, dim=1) * mask broadcasts (B,) x (B, 1) -> (B, B),
    # so after the masked mean it equals the SUM of the logits: (1-eps)*BCE - eps*sum(x). Not a smoothed target.
    ref = (1 - E) * F.binary_cross_entropy_with_logits(x, t) - E * x.sum()
    not_binary = (got - F.binary_cross_entropy_with_logits(x, binary_t(t, E))).abs().item() > 1e-4
    ok, d = close(got, ref)
    return ok and not_binary, d


# ---------------------------------------------------------------- ClassyVision
def classy_ns():
    ns = base_ns(ClassyLoss=nn.Module)
    load('classyvision__soft_target_cross_entropy_loss.py', 'SoftTargetCrossEntropyLoss', ns=ns)

    def convert_to_one_hot(targets, classes):  # classy_vision.generic.util.convert_to_one_hot
        one_hot = torch.zeros((targets.shape[0], classes), dtype=torch.long, device=targets.device)
        one_hot.scatter_(1, targets.long(), 1)
        return one_hot
    ns['convert_to_one_hot'] = convert_to_one_hot
    load('classyvision__label_smoothing_loss.py', 'LabelSmoothingCrossEntropyLoss', ns=ns)
    return ns


def t_classy_ls():
    ns = classy_ns()
    got = ns['LabelSmoothingCrossEntropyLoss'](smoothing_param=E)(X, Y)
    q = (F.one_hot(Y, K).to(DT) + E / K) / (1 + E)  # = uniform with eps' = eps/(1+eps)
    ok, d = close(got, ce_rows(X, q).mean(), 1e-5)
    not_uniform = abs(got.item() - ce_ls().item()) > 1e-4
    ok2, _ = close(got, ce_ls(e=E / (1 + E)), 1e-5)
    return ok and ok2 and not_uniform, d


def t_classy_soft():
    ns = classy_ns()
    t = torch.softmax(torch.randn(N, K, dtype=DT), -1)
    return close(ns['SoftTargetCrossEntropyLoss']()(X, t), F.cross_entropy(X, t), 1e-5)


# ---------------------------------------------------------------- transformer / speech-transformer cal_loss
def t_aiayn(smoothing):
    ns = load('attention_is_all_you_need__train.py', 'cal_loss')
    pad = 2
    y = Y.clone(); y[:2] = pad
    got = ns['cal_loss'](X, y, pad, smoothing=smoothing)
    if not smoothing:
        return close(got, F.cross_entropy(X, y, ignore_index=pad, reduction='sum'))
    keep = y != pad
    return close(got, ce_rows(X, q_km1(y, K, 0.1))[keep].sum())


def t_speech_transformer(smoothing):
    ns = load('speech_transformer__loss.py', 'cal_loss', ns=base_ns(IGNORE_ID=-1))
    y = Y.clone(); y[:2] = -1
    got = ns['cal_loss'](X, y, smoothing)
    keep = y != -1
    if smoothing == 0:
        return close(got, F.cross_entropy(X, y, ignore_index=-1))
    yy = y.clamp(min=0)
    q = F.one_hot(yy, K).to(DT) * (1 - smoothing) + (1 - F.one_hot(yy, K).to(DT)) * smoothing / K  # sums to 1-eps/K
    ok, d = close(got, ce_rows(X, q)[keep].mean())
    differs = abs(got.item() - ce_ls(y=y, e=smoothing, ignore_index=-1).item()) > 1e-4
    return ok and differs, d


# ---------------------------------------------------------------- timm / SlowFast mixup targets
def t_timm_bce():
    ns = load('timm__binary_cross_entropy.py', 'BinaryCrossEntropy')
    got = ns['BinaryCrossEntropy'](smoothing=E)(X, Y)
    return close(got, F.binary_cross_entropy_with_logits(X, q_uniform(Y, K, E)))


def t_mixup_target(fname):
    ns = load(fname, 'one_hot' if 'timm' in fname else 'convert_to_one_hot', 'mixup_target')
    y = torch.randint(0, K, (N,))
    got = ns['mixup_target'](y, K, lam=1.0, smoothing=E)
    ok1, d = close(got, q_uniform(y, K, E))
    lam = 0.7
    got2 = ns['mixup_target'](y, K, lam=lam, smoothing=E)
    ok2, _ = close(got2, lam * q_uniform(y, K, E) + (1 - lam) * q_uniform(y.flip(0), K, E))
    return ok1 and ok2, d


# ---------------------------------------------------------------- mmaction2 head
def t_mmaction():
    ns = base_ns(BaseModule=nn.Module, ABCMeta=type, abstractmethod=lambda f: f, ForwardResults=object,
                 SampleList=list, top_k_accuracy=lambda s, l, k: [0.0 for _ in k],
                 MODELS=types.SimpleNamespace(build=lambda cfg: (lambda s, l: F.cross_entropy(s, l.to(DT) if l.is_floating_point() or l.dim() > 1 else l))),
                 AvgConsensus=None)
    src = os.path.join(CORPUS, 'mmaction2__base_head.py')
    text = open(src).read()
    tree = ast.parse(text)
    cls = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == 'BaseHead'][0]
    meth = [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == 'loss_by_feat'][0]
    seg = ''.join(text.splitlines(keepends=True)[meth.lineno - 1:meth.end_lineno])
    exec(textwrap.dedent(seg), ns)
    self = types.SimpleNamespace(num_classes=K, topk=(1,), label_smooth_eps=E,
                                 loss_cls=lambda s, l: F.cross_entropy(s, l.to(DT)))
    samples = [types.SimpleNamespace(gt_label=Y[i:i + 1]) for i in range(N)]
    got = ns['loss_by_feat'](self, X, samples)['loss_cls']
    return close(got, ce_ls())


# ---------------------------------------------------------------- NeMo / Megatron
def nemo_ns():
    return base_ns(Loss=nn.Module, NeuralModule=nn.Module, Exportable=object, typecheck=lambda: (lambda f: f),
                   NeuralType=None, LabelsType=None, LogprobsType=None, LossType=None, MaskType=None)


def t_nemo_smoothed_ce():
    ns = load('nemo__smoothed_cross_entropy.py', 'SmoothedCrossEntropyLoss', ns=nemo_ns())
    pad = 0
    x, y = seq_batch(pad)
    got = ns['SmoothedCrossEntropyLoss'](pad_id=pad, label_smoothing=E, eps=0.0)(F.log_softmax(x, -1), y)
    return close(got, ce_ls(x.view(-1, K), y.view(-1), e=E * K / (K - 1), ignore_index=pad))


def t_nemo_smoothed_nll():
    ns = load('nemo__smoothed_cross_entropy.py', 'SmoothedNLLLoss', ns=nemo_ns())
    x, y = seq_batch(-5)
    y[y < 0] = 0
    lengths = torch.tensor([4, 2, 3])
    got = ns['SmoothedNLLLoss'](label_smoothing=E, eps=0.0)(F.log_softmax(x, -1), y, lengths=lengths)
    keep = torch.arange(4)[None, :] < lengths[:, None]
    return close(got, ce_ls(x[keep], y[keep]))


def megatron_like(fname, names):
    orig = torch.distributed.all_reduce
    torch.distributed.all_reduce = lambda *a, **k: None
    try:
        vu = types.SimpleNamespace(vocab_range_from_per_partition_vocab_size=lambda n, r, w: (r * n, (r + 1) * n))
        ns = base_ns(get_tensor_model_parallel_group=lambda: None, get_tensor_model_parallel_rank=lambda: 0,
                     get_tensor_model_parallel_world_size=lambda: 1, get_pg_rank=lambda g: 0, get_pg_size=lambda g: 1,
                     VocabUtility=vu)
        load(fname, *names, ns=ns)
        x = torch.randn(3, 4, K, dtype=DT)
        y = torch.randint(0, K, (3, 4))
        got = ns['vocab_parallel_cross_entropy'](x.clone(), y, E)
        ref = F.cross_entropy(x.view(-1, K), y.view(-1), label_smoothing=E * K / (K - 1), reduction='none').view(3, 4)
        ok, d = close(got, ref)
        ok2, _ = close(kl_rows(x.view(-1, K), q_km1(y.view(-1), K, E)) + (-(q_km1(y.view(-1), K, E) * q_km1(y.view(-1), K, E).log()).sum(-1)), ref.view(-1))
        return ok and ok2, d
    finally:
        torch.distributed.all_reduce = orig


# ---------------------------------------------------------------- sockeye
def t_sockeye(impl):
    class _C:
        PAD_ID = 0
        def __getattr__(self, k):
            return k
    ns = base_ns(C=_C(), ABC=object, abstractmethod=lambda f: f,
                 logger=types.SimpleNamespace(info=lambda *a, **k: None),
                 PerplexityMetric=lambda prefix='': types.SimpleNamespace(name='ppl', short_name='ppl'))
    load('sockeye__loss.py', 'Loss', 'CrossEntropyLoss', ns=ns)
    x, y = seq_batch(0)
    got, _ = ns['CrossEntropyLoss'](label_smoothing=E, label_smoothing_impl=impl).forward(x, y)
    e = E * K / (K - 1) if impl == 'fairseq' else E
    return close(got, ce_ls(x.view(-1, K), y.view(-1), e=e, ignore_index=0))


# ---------------------------------------------------------------- torch-toolbox
def t_toolbox(which):
    ns = load('torch_toolbox__functional.py', 'smooth_one_hot')
    if which == 'fn':
        return close(ns['smooth_one_hot'](Y, K, E), q_km1(Y, K, E))
    ns['BF'] = types.SimpleNamespace(smooth_one_hot=ns['smooth_one_hot'])
    load('torch_toolbox__loss.py', 'LabelSmoothingLoss', 'KnowledgeDistillationLoss', ns=ns)
    if which == 'ls':
        return close(ns['LabelSmoothingLoss'](K, E)(X, Y), ce_rows(X, q_km1(Y, K, E)).mean(), 1e-6)
    s, t, T = X, torch.randn(N, K, dtype=DT), 2.0
    return close(ns['KnowledgeDistillationLoss'](T)(s, t), T * T * F.cross_entropy(s / T, torch.softmax(t / T, 1)))


# ---------------------------------------------------------------- fairseq NAT
def t_fairseq_nat(cls_level):
    class FairseqCriterion(nn.Module):
        def __init__(self, task):
            super().__init__()
    ns = base_ns(FairseqCriterion=FairseqCriterion)
    load('fairseq__nat_loss.py', 'LabelSmoothedDualImitationCriterion', ns=ns)
    crit = ns['LabelSmoothedDualImitationCriterion'](None, E)
    masks = torch.ones(N, dtype=torch.bool); masks[:2] = False
    out = crit._compute_loss(X, Y, masks=masks, label_smoothing=E)
    return close(out['loss'], ce_ls(X[masks], Y[masks]))


# ---------------------------------------------------------------- YOLO-style binary
def t_yolov7(which):
    ns = load('yolov7__loss.py', 'smooth_BCE', 'SigmoidBin')
    cp, cn = ns['smooth_BCE'](E)
    if which == 'fn':
        return close(torch.tensor([cp, cn]), torch.tensor([binary_t(1.0, E), binary_t(0.0, E)]))
    m = ns['SigmoidBin'](bin_count=10, use_loss_regression=False, smooth_eps=E)
    pred = torch.randn(5, 11)
    target = torch.rand(5)
    loss, _ = m.training_loss(pred, target)
    idx = (target[:, None] - m.bins).abs().argmin(-1)
    ref = F.binary_cross_entropy_with_logits(pred[:, 1:], binary_t(F.one_hot(idx, 10).float(), E))
    return close(loss, ref, 1e-5)


def t_bolts():
    ns = load('lightning_bolts__yolo_loss.py', '_target_labels_to_probs', ns=base_ns(one_hot=F.one_hot))
    got = ns['_target_labels_to_probs'](Y, K, DT, label_smoothing=E)
    return close(got, binary_t(F.one_hot(Y, K).to(DT), E))


# ---------------------------------------------------------------- soft-target / other
def t_bootstrap(which):
    ns = load('bootstrapping_loss__loss.py', 'SoftBootstrappingLoss', 'HardBootstrappingLoss')
    lp = F.log_softmax(X, 1)
    oh = F.one_hot(Y, K).to(DT)
    if which == 'soft':
        b = 0.95
        q = b * oh + (1 - b) * lp.exp()
        return close(ns['SoftBootstrappingLoss'](beta=b)(X, Y), ce_rows(X, q).mean())
    b = 0.8
    q = b * oh + (1 - b) * F.one_hot(X.argmax(1), K).to(DT)
    return close(ns['HardBootstrappingLoss'](beta=b)(X, Y), ce_rows(X, q).mean())


def t_catalyst_naive():
    ns = load('catalyst__ce.py', 'NaiveCrossEntropyLoss')
    t = torch.softmax(torch.randn(N, K, dtype=DT), -1)
    return close(ns['NaiveCrossEntropyLoss']()(X, t), F.cross_entropy(X, t))


def t_deit(kind):
    ns = load('deit__losses.py', 'DistillationLoss')
    teacher = nn.Identity()
    inputs = torch.randn(N, K, dtype=DT)
    out, out_kd = X, torch.randn(N, K, dtype=DT)
    alpha, tau = 0.3, 2.0
    m = ns['DistillationLoss'](nn.CrossEntropyLoss(), teacher, kind, alpha, tau)
    got = m(inputs, (out, out_kd), Y)
    base = F.cross_entropy(out, Y)
    if kind == 'soft':
        kd = F.kl_div(F.log_softmax(out_kd / tau, 1), F.softmax(inputs / tau, 1), reduction='sum') * tau * tau / out_kd.numel()
    else:
        kd = F.cross_entropy(out_kd, inputs.argmax(1))
    return close(got, base * (1 - alpha) + kd * alpha)


def t_kd_net():
    ns = load('knowledge_distillation__net.py', 'loss_fn_kd')
    p = types.SimpleNamespace(alpha=0.9, temperature=4.0)
    t = torch.randn(N, K, dtype=DT)
    got = ns['loss_fn_kd'](X, Y, t, p)
    T = 4.0
    ref = F.kl_div(F.log_softmax(X / T, 1), F.softmax(t / T, 1), reduction='mean') * 0.9 * T * T + 0.1 * F.cross_entropy(X, Y)
    return close(got, ref)


def t_mmpose(kind):
    ns = load('mmpose__simcc_label.py', 'SimCCLabel', ns=base_ns(BaseKeypointCodec=object, product=__import__('itertools').product,
                                                               get_simcc_maximum=None, refine_simcc_dark=None))
    kp = np.array([[[2.0, 3.0], [5.0, 1.0]]])
    if kind == 'standard':
        c = ns['SimCCLabel'](input_size=(8, 6), smoothing_type='standard', simcc_split_ratio=1.0, label_smooth_weight=E)
        enc = c.encode(kp)
        tx = torch.from_numpy(enc['keypoint_x_labels'][0]).to(DT)
        ty = torch.from_numpy(enc['keypoint_y_labels'][0]).to(DT)
        ok1, d = close(tx, q_km1(torch.tensor([2, 5]), 8, E), 1e-6)
        ok2, _ = close(ty, q_km1(torch.tensor([3, 1]), 6, E), 1e-6)
        return ok1 and ok2, d
    c = ns['SimCCLabel'](input_size=(8, 6), smoothing_type='gaussian', sigma=1.0, simcc_split_ratio=1.0)
    tx = torch.from_numpy(c.encode(kp)['keypoint_x_labels'][0, 0]).to(DT)
    ref = torch.exp(-((torch.arange(8, dtype=DT) - 2.0) ** 2) / 2) / math.sqrt(2 * math.pi)
    return close(tx, ref, 1e-6)


def luxonis_ns():
    class BaseLoss(nn.Module):
        def __init__(self, **kwargs):
            super().__init__()
    return base_ns(BaseLoss=BaseLoss, Tasks=types.SimpleNamespace(SEGMENTATION=1, CLASSIFICATION=2),
                   logger=types.SimpleNamespace(warning=print), amp=torch.cuda.amp,
                   BCEWithLogitsLoss=lambda pos_weight=None, weight=None, reduction='mean':
                   nn.BCEWithLogitsLoss(pos_weight=pos_weight, reduction=reduction))


def t_luxonis(which):
    ns = luxonis_ns()
    if which == 'ce':
        load('luxonis_train__cross_entropy.py', 'CrossEntropyLoss', ns=ns)
        return close(ns['CrossEntropyLoss'](label_smoothing=E)(X, Y), ce_ls())
    load('luxonis_train__smooth_bce_with_logits.py', 'SmoothBCEWithLogitsLoss', ns=ns)
    x = torch.randn(5, 4)
    t = (torch.rand(5, 4) > 0.5).float()
    got = ns['SmoothBCEWithLogitsLoss'](label_smoothing=E)(x, t)
    return close(got, F.binary_cross_entropy_with_logits(x, t * (1 - E) + (1 - t) * E), 1e-5)


def t_eod(which):
    ns = load('eod__cls_loss.py', 'LabelSmoothCELoss', 'SoftTargetCrossEntropy')
    if which == 'ls':
        return close(ns['LabelSmoothCELoss'](E, K)(X, Y), ce_ls())
    t = torch.softmax(torch.randn(N, K, dtype=DT), -1)
    return close(ns['SoftTargetCrossEntropy']()(X, t), F.cross_entropy(X, t))


def t_espnet():
    ns = load('espnet__e2e_asr_common.py', 'label_smoothing_dist', ns=base_ns(json=json, logging=__import__('logging'), sys=sys))
    utts = {'a': {'output': [{'tokenid': '1 2 2 3'}]}, 'b': {'output': [{'tokenid': '3 3'}]}}
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump({'utts': utts}, f)
        path = f.name
    try:
        got = ns['label_smoothing_dist'](6, 'unigram', transcript=path, blank=0)
    finally:
        os.unlink(path)
    # labelcount[ids] += 1 counts each token once per utterance (numpy fancy indexing), unseen ids floored to 1,
    # <eos> (odim-1) gets len(transcript) = length of the PATH string, blank zeroed
    cnt = np.array([0, 1, 1, 2, 1, len(path)], dtype=np.float64)
    return close(got, cnt / cnt.sum(), 1e-6)


def t_smp_soft_ce():
    ns = toolbelt_functional_ns()  # smp's _functional.label_smoothed_nll_loss is identical to toolbelt's
    load('smp__soft_ce.py', 'SoftCrossEntropyLoss', ns=ns)
    x = torch.randn(2, K, 3, 3, dtype=DT)
    y = torch.randint(0, K, (2, 3, 3))
    return close(ns['SoftCrossEntropyLoss'](smooth_factor=E, ignore_index=-100)(x, y), ce_ls(x, y))


TESTS = [
    ('nvidia_dle__smoothing.py', 'LabelSmoothing', t_dle_smoothing),
    ('nvidia_dle__mixup.py', 'NLLMultiLabelSmooth', t_dle_mixup),
    ('nvidia_dle__criterions.py', 'CrossEntropyCriterion', lambda: t_dle_criterions('none')),
    ('nvidia_dle__criterions.py', 'LabelSmoothedCrossEntropyCriterion', lambda: t_dle_criterions('ls')),
    ('nvidia_dle__bart_utils.py', 'label_smoothed_nll_loss', lambda: t_fairseq_style_fn('nvidia_dle__bart_utils.py')),
    ('nvidia_dle__efficientdet_loss.py', 'new_focal_loss', lambda: t_new_focal('nvidia_dle__efficientdet_loss.py')),
    ('nvidia_dle__efficientdet_loss.py', '_classification_loss', t_dle_classification_loss),
    ('effdet__loss.py', 'new_focal_loss', lambda: t_new_focal('effdet__loss.py')),
    ('effdet__loss.py', 'loss_fn', lambda: t_effdet_loss_fn(False)),
    ('effdet__loss.py', 'loss_fn[legacy_focal=True]', lambda: t_effdet_loss_fn(True)),
    ('pytorch_toolbelt__soft_bce.py', 'SoftBCEWithLogitsLoss', lambda: t_soft_bce('pytorch_toolbelt__soft_bce.py', E)),
    ('pytorch_toolbelt__soft_bce.py', 'SoftBCEWithLogitsLoss[smooth_factor=None]', lambda: t_soft_bce('pytorch_toolbelt__soft_bce.py', None)),
    ('pytorch_toolbelt__soft_ce.py', 'SoftCrossEntropyLoss', lambda: t_soft_ce('pytorch_toolbelt__soft_ce.py')),
    ('pytorch_toolbelt__bitempered_loss.py', 'bi_tempered_logistic_loss', lambda: t_bitempered('fn')),
    ('pytorch_toolbelt__bitempered_loss.py', 'BiTemperedLogisticLoss', lambda: t_bitempered('cls')),
    ('pytorch_toolbelt__bitempered_loss.py', 'BinaryBiTemperedLogisticLoss', lambda: t_bitempered('bin')),
    ('smp__soft_bce.py', 'SoftBCEWithLogitsLoss', lambda: t_soft_bce('smp__soft_bce.py', E)),
    ('smp__soft_ce.py', 'SoftCrossEntropyLoss', t_smp_soft_ce),
    ('wenet__label_smoothing_loss.py', 'LabelSmoothingLoss', lambda: t_wenet('wenet__label_smoothing_loss.py', False)),
    ('wenet__label_smoothing_loss.py', 'LabelSmoothingLoss[normalize_length=True]', lambda: t_wenet('wenet__label_smoothing_loss.py', True)),
    ('wenet__label_smoothing_loss_onehot.py', 'LabelSmoothingLoss', lambda: t_wenet('wenet__label_smoothing_loss_onehot.py', False)),
    ('icefall__label_smoothing.py', 'LabelSmoothingLoss', t_icefall),
    ('joeynmt__loss.py', 'XentLoss', lambda: t_joeynmt(E)),
    ('joeynmt__loss.py', 'XentLoss[smoothing=0]', lambda: t_joeynmt(0.0)),
    ('unilm__loss.py', 'LabelSmoothingLoss', t_unilm),
    ('speechbrain__losses.py', 'nll_loss', t_sb_nll),
    ('speechbrain__losses.py', 'kldiv_loss', t_sb_kldiv),
    ('speechbrain__losses.py', 'bce_loss', t_sb_bce),
    ('classyvision__label_smoothing_loss.py', 'LabelSmoothingCrossEntropyLoss', t_classy_ls),
    ('classyvision__soft_target_cross_entropy_loss.py', 'SoftTargetCrossEntropyLoss', t_classy_soft),
    ('attention_is_all_you_need__train.py', 'cal_loss', lambda: t_aiayn(True)),
    ('attention_is_all_you_need__train.py', 'cal_loss[smoothing=False]', lambda: t_aiayn(False)),
    ('speech_transformer__loss.py', 'cal_loss', lambda: t_speech_transformer(E)),
    ('speech_transformer__loss.py', 'cal_loss[smoothing=0]', lambda: t_speech_transformer(0.0)),
    ('timm__binary_cross_entropy.py', 'BinaryCrossEntropy', t_timm_bce),
    ('timm__mixup.py', 'mixup_target', lambda: t_mixup_target('timm__mixup.py')),
    ('slowfast__mixup.py', 'mixup_target', lambda: t_mixup_target('slowfast__mixup.py')),
    ('mmaction2__base_head.py', 'BaseHead.loss_by_feat', t_mmaction),
    ('nemo__smoothed_cross_entropy.py', 'SmoothedCrossEntropyLoss', t_nemo_smoothed_ce),
    ('nemo__smoothed_cross_entropy.py', 'SmoothedNLLLoss', t_nemo_smoothed_nll),
    ('nemo__vocab_parallel_cross_entropy.py', 'vocab_parallel_cross_entropy',
     lambda: megatron_like('nemo__vocab_parallel_cross_entropy.py', ['_VocabParallelCrossEntropy', 'vocab_parallel_cross_entropy'])),
    ('megatron__cross_entropy.py', 'vocab_parallel_cross_entropy',
     lambda: megatron_like('megatron__cross_entropy.py', ['VocabParallelCrossEntropy', '_VocabParallelCrossEntropy', 'vocab_parallel_cross_entropy'])),
    ('sockeye__loss.py', 'CrossEntropyLoss', lambda: t_sockeye('mxnet')),
    ('sockeye__loss.py', "CrossEntropyLoss[label_smoothing_impl='fairseq']", lambda: t_sockeye('fairseq')),
    ('sockeye__loss.py', "CrossEntropyLoss[label_smoothing_impl='torch']", lambda: t_sockeye('torch')),
    ('torch_toolbox__functional.py', 'smooth_one_hot', lambda: t_toolbox('fn')),
    ('torch_toolbox__loss.py', 'LabelSmoothingLoss', lambda: t_toolbox('ls')),
    ('torch_toolbox__loss.py', 'KnowledgeDistillationLoss', lambda: t_toolbox('kd')),
    ('fairseq__nat_loss.py', 'LabelSmoothedDualImitationCriterion._compute_loss', lambda: t_fairseq_nat(False)),
    ('yolov7__loss.py', 'smooth_BCE', lambda: t_yolov7('fn')),
    ('yolov7__loss.py', 'SigmoidBin', lambda: t_yolov7('bin')),
    ('lightning_bolts__yolo_loss.py', '_target_labels_to_probs', t_bolts),
    ('bootstrapping_loss__loss.py', 'SoftBootstrappingLoss', lambda: t_bootstrap('soft')),
    ('bootstrapping_loss__loss.py', 'HardBootstrappingLoss', lambda: t_bootstrap('hard')),
    ('catalyst__ce.py', 'NaiveCrossEntropyLoss', t_catalyst_naive),
    ('deit__losses.py', 'DistillationLoss', lambda: t_deit('soft')),
    ('deit__losses.py', "DistillationLoss[distillation_type='hard']", lambda: t_deit('hard')),
    ('knowledge_distillation__net.py', 'loss_fn_kd', t_kd_net),
    ('mmpose__simcc_label.py', 'SimCCLabel._generate_standard', lambda: t_mmpose('standard')),
    ('mmpose__simcc_label.py', 'SimCCLabel._generate_gaussian', lambda: t_mmpose('gaussian')),
    ('luxonis_train__cross_entropy.py', 'CrossEntropyLoss', lambda: t_luxonis('ce')),
    ('luxonis_train__smooth_bce_with_logits.py', 'SmoothBCEWithLogitsLoss', lambda: t_luxonis('bce')),
    ('eod__cls_loss.py', 'LabelSmoothCELoss', lambda: t_eod('ls')),
    ('eod__cls_loss.py', 'SoftTargetCrossEntropy', lambda: t_eod('soft')),
    ('espnet__e2e_asr_common.py', 'label_smoothing_dist', t_espnet),
]

if __name__ == '__main__':
    import warnings
    warnings.filterwarnings('ignore')
    for fname, sym, fn in TESTS:
        check(fname, sym, fn)
    with open(os.path.join(HERE, 'results.json'), 'w') as f:
        json.dump(RESULTS, f, indent=1, sort_keys=True)
    bad = [k for k, v in RESULTS.items() if not v['pass']]
    print(f'{len(RESULTS) - len(bad)}/{len(RESULTS)} passed')
    sys.exit(1 if bad else 0)
