#!/usr/bin/python3
"""Numerical checks for the fresh5 held-out labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_fresh5.py
Each check pulls the named top-level classes/functions (or one method of a class, as a plain function called with a
stub `self`) out of the saved corpus file by name (via ast), executes them in a namespace with small stubs for
project-internal names, feeds random float64 logits/targets and compares the code's loss with the reference of the
labelled convention: uniform -> F.cross_entropy(label_smoothing=eps) (ignore_index / padding rows as the code masks
them), k_minus_1 -> the explicit 1-eps / eps/(K-1) target, binary -> BCE against t*(1-a) + a/2, other -> the explicit
target the code builds (stated in the check), soft_target -> the given distribution, none -> plain CE / BCE.
Prints PASS/FAIL per check and writes results.json next to this file.
"""
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


def base_ns(**extra):
    import typing
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Tensor=torch.Tensor, Optional=typing.Optional,
              Dict=typing.Dict, List=typing.List, Tuple=typing.Tuple, Any=typing.Any, Union=typing.Union,
              Variable=torch.autograd.Variable)
    ns.update(extra)
    return ns


def _source(fname):
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    return text.splitlines(keepends=True), ast.parse(text)


def load(fname, *names, ns=None):
    """exec the named top-level defs/classes of a corpus file into ns."""
    lines, tree = _source(fname)
    ns = base_ns() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        seg = ''.join(lines[node.lineno - 1:node.end_lineno])
        exec(compile(textwrap.dedent(seg), f'{fname}:{name}', 'exec'), ns)
    return ns


def load_method(fname, cls, method, ns):
    """exec one method of a top-level class as a plain function (decorators dropped); returns it."""
    lines, tree = _source(fname)
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    node = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == method)
    seg = ''.join(lines[node.lineno - 1:node.end_lineno])
    exec(compile(textwrap.dedent(seg), f'{fname}:{cls}.{method}', 'exec'), ns)
    return ns[method]


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + '  -- ' + str(detail))


def close(a, b, tol=1e-9):
    a = torch.as_tensor(a, dtype=DT)
    b = torch.as_tensor(b, dtype=DT)
    d = (a - b).abs().max().item()
    return d <= tol * max(1.0, b.abs().max().item()), d


def all_close(*pairs, tol=1e-9):
    oks, ds = zip(*(close(a, b, tol) for a, b in pairs))
    return all(oks), 'max|diff|=' + ', '.join(f'{d:.3g}' for d in ds)


def logits(n=6, k=7):
    return torch.randn(n, k, dtype=DT) * 2


def labels(n=6, k=7):
    return torch.randint(0, k, (n,))


def onehot(t, k):
    return F.one_hot(t, k).to(DT)


def km1_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))




def soft_ce(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


def kl_rows(q, logp):
    return (torch.xlogy(q, q) - q * logp).sum(-1)


def bce_logits(x, t):
    return F.binary_cross_entropy_with_logits(x, t, reduction='none')


def stub(**kw):
    return types.SimpleNamespace(**kw)


# ---------------------------------------------------------------- uniform
def _cvt_ls():
    ns = load('cvt__loss.py', 'linear_combination', 'reduce_loss', 'LabelSmoothingCrossEntropy', ns=base_ns(th=torch))
    x, t = logits(), labels()
    return all_close((ns['LabelSmoothingCrossEntropy']()(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['LabelSmoothingCrossEntropy'](0.3, 'sum')(x, t),
                      F.cross_entropy(x, t, label_smoothing=0.3, reduction='sum')))


def _corenet_ce():
    fn = load_method('corenet__cross_entropy.py', 'CrossEntropy', '_compute_loss', base_ns())
    x, t = logits(), labels()
    t[1] = -1
    s = stub(use_class_wts=False, training=True, label_smoothing=0.2, ignore_idx=-1)
    ok1, d1 = all_close((fn(s, x, t), F.cross_entropy(x, t, ignore_index=-1, label_smoothing=0.2)))
    s.training = False
    ok2, d2 = all_close((fn(s, x, t), F.cross_entropy(x, t, ignore_index=-1)))
    return ok1 and ok2, f'training: CE(label_smoothing=eps, ignore_index=-1) {d1}; eval: plain CE {d2}'


def _mpnn_smoothed():
    ns = load('pyg__protein_mpnn.py', 'loss_smoothed')
    n, L, w = 3, 5, 0.1
    z = torch.randn(n, L, 21)
    y = torch.randint(0, 21, (n, L))
    mask = (torch.rand(n, L) > 0.3).to(DT)
    loss, loss_av = ns['loss_smoothed'](y, F.log_softmax(z, -1), mask, weight=w)
    e = w / (1 + w)
    ref = F.cross_entropy(z.reshape(-1, 21), y.reshape(-1), label_smoothing=e, reduction='none').view(n, L)
    ok, d = all_close((loss, ref), (loss_av, (ref * mask).sum() / 2000.0), tol=1e-5)
    return ok, f'(onehot + w/21) / (1 + w) = uniform with eps = w/(1+w): {d} (the code casts the target to float32)'


def _reid_baseline():
    ns = load('reidbaseline__utils.py', 'CrossEntropyLabelSmooth')
    x, t = logits(), labels()
    return all_close((ns['CrossEntropyLabelSmooth'](use_gpu=False)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['CrossEntropyLabelSmooth'](0.25, use_gpu=False)(x, t), F.cross_entropy(x, t, label_smoothing=0.25)))


def _remos_ls():
    ns = load('remos/utils.py', 'CrossEntropyLabelSmooth')
    x, t = logits(), labels()
    return all_close((ns['CrossEntropyLabelSmooth'](7)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['CrossEntropyLabelSmooth'](7, 0.3)(x, t), F.cross_entropy(x, t, label_smoothing=0.3)))


def _tllib_reid_ls():
    ns = load('tllib__reid_loss.py', 'CrossEntropyLossWithLabelSmooth')
    x, t = logits(), labels()
    return all_close((ns['CrossEntropyLossWithLabelSmooth'](7)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['CrossEntropyLossWithLabelSmooth'](7, 0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)))


def _sg_ns():
    return load('supergradients__label_smoothing_cross_entropy_loss.py', 'onehot', '_is_long', 'cross_entropy',
                'CrossEntropyLoss', ns=base_ns(register_loss=lambda **kw: (lambda c: c),
                                               Losses=stub(CROSS_ENTROPY='cross_entropy')))


def _sg_fn():
    ns = _sg_ns()
    x, t = logits(), labels()
    t2 = t.clone()
    t2[2] = 3
    ok, d = all_close((ns['cross_entropy'](x, t, smooth_eps=0.1), F.cross_entropy(x, t, label_smoothing=0.1)),
                      (ns['cross_entropy'](x, t, smooth_eps=0.2, reduction='sum'),
                       F.cross_entropy(x, t, label_smoothing=0.2, reduction='sum')),
                      (ns['cross_entropy'](x, t2, smooth_eps=0.1, ignore_index=3),
                       F.cross_entropy(x, t2, label_smoothing=0.1, ignore_index=3)))
    return ok, f'(1-eps)*nll + eps*mean(-log p): {d}'


def _sg_class():
    ns = _sg_ns()
    x, t = logits(), labels()
    loss, _ = ns['CrossEntropyLoss'](smooth_eps=0.1)(x, t)
    plain, _ = ns['CrossEntropyLoss']()(x, t)
    return all_close((loss, F.cross_entropy(x, t, label_smoothing=0.1)), (plain, F.cross_entropy(x, t)))


def _neural_transducer():
    fn = load_method('neuraltransducer__transformer.py', 'Transformer', 'loss', base_ns(PAD_IDX=0))
    L, n, V = 5, 3, 9
    z = torch.randn(L, n, V)
    y = torch.randint(1, V, (L, n))
    y[3:, 0] = 0
    s = stub(trg_vocab_size=V, label_smooth=0.1)
    got = fn(s, F.log_softmax(z, -1), y)
    ref = F.cross_entropy(z.reshape(-1, V), y.reshape(-1), ignore_index=0, label_smoothing=0.1)
    return all_close((got, ref))


def _smart_ce():
    import logging
    ns = load('yolov9__torch_utils.py', 'smartCrossEntropyLoss',
              ns=base_ns(check_version=lambda *a, **k: True, TORCH_1_10=True, LOGGER=logging.getLogger('x')))
    x, t = logits(), labels()
    return all_close((ns['smartCrossEntropyLoss'](0.1)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['smartCrossEntropyLoss']()(x, t), F.cross_entropy(x, t)))


# ---------------------------------------------------------------- k_minus_1
def _lightning_utils():
    ns = load('lightningseq2seq/utils.py', 'label_smoothed_nll_loss')
    n, L, V, pad, eps = 3, 4, 8, 1, 0.1
    z = torch.randn(n, L, V)
    y = torch.randint(2, V, (n, L))
    y[0, 2:] = pad
    lp = F.log_softmax(z, -1)
    loss, nll = ns['label_smoothed_nll_loss'](lp, y, eps, ignore_index=pad)
    keep = y.ne(pad)
    ref = (-(km1_target(y[keep], V, eps) * lp[keep]).sum(-1)).sum()
    return all_close((loss, ref), (nll, F.nll_loss(lp[keep], y[keep], reduction='sum')))


def _lightning_step():
    ns = load('lightningseq2seq/utils.py', 'label_smoothed_nll_loss')
    fn = load_method('lightningseq2seq/bart_seq2seq.py', 'BartSeq2SeqModel', 'training_step', ns)
    n, L, V, pad, eps = 2, 6, 9, 1, 0.2
    z = torch.randn(n, L - 1, V)
    trg = torch.randint(2, V, (n, L))
    trg[1, 4:] = pad
    att = trg.ne(pad).long()
    s = stub(model=lambda **kw: stub(logits=z), hparams=stub(eps=eps), tokenizer=stub(pad_token_id=pad),
             log=lambda *a, **k: None)
    got = fn(s, {'src_input_ids': None, 'src_attention_mask': None, 'trg_input_ids': trg,
                 'trg_attention_mask': att})['loss']
    y = trg[:, 1:]
    keep = y.ne(pad)
    lp = F.log_softmax(z, -1)
    ref = (-(km1_target(y[keep], V, eps) * lp[keep]).sum(-1)).sum() / att[:, 1:].sum()
    return all_close((got, ref))


def _tencent_lm():
    fn = load_method('tencentpretrain__lm_target.py', 'LmTarget', 'lm', base_ns())
    n, H, V, eps = 6, 5, 7, 0.1
    lin = nn.Linear(H, V)
    mem = torch.randn(1, n, H)
    tgt = torch.randint(1, V, (1, n))
    seg = torch.ones(1, n, dtype=torch.long)

    def s(ignore):
        return stub(hidden_size=H, prefix_lm_loss=False, output_layer=lin, pipeline_model_parallel_size=1,
                    tensor_model_parallel_size=1, softmax=nn.LogSoftmax(dim=-1), criterion=nn.NLLLoss(),
                    label_smoothing=eps, ignore_index=ignore)
    with torch.no_grad():
        lp = F.log_softmax(lin(mem.view(-1, H)), -1)
        y = tgt.view(-1)
        ref = (-(km1_target(y, V, eps) * lp).sum(-1)).mean()
        got = fn(s(None), mem, tgt, seg)
        tgt2 = tgt.clone()
        tgt2[0, 1] = 0
        y2 = tgt2.view(-1)
        per = -(km1_target(y2, V, eps) * lp).sum(-1) * y2.ne(0)
        got2 = fn(s(0), mem, tgt2, seg)
    ok, d = all_close((got, ref), (got2, per.mean()))
    return ok, f'(1-eps-eps/(V-1))*nll + eps/(V-1)*sum(-log p) = CE to 1-eps / eps/(V-1); pad rows 0 but counted in the mean: {d}'


# ---------------------------------------------------------------- binary
def _yolo_smooth_bce():
    ns = load('yolov9__loss.py', 'smooth_BCE')
    eps, k = 0.2, 5
    cp, cn = ns['smooth_BCE'](eps)
    t = labels(6, k)
    tgt = torch.full((6, k), cn)
    tgt[range(6), t] = cp
    ref = onehot(t, k) * (1 - eps) + eps / 2
    return all_close((tgt, ref))


# ---------------------------------------------------------------- other
def _tllib_lsv1():
    ns = load('tllib__loss.py', 'LabelSmoothSoftmaxCEV1')
    x, t = logits(), labels()
    t[0] = -1
    eps, k = 0.1, 7
    got = ns['LabelSmoothSoftmaxCEV1']()(x, t)
    keep = t.ne(-1)
    q = (1 - eps) * onehot(t[keep], k) + eps / k * (1 - onehot(t[keep], k))
    ref = soft_ce(x[keep], q).sum() / keep.sum()
    off = (got - F.cross_entropy(x, t, ignore_index=-1, label_smoothing=eps)).abs().item()
    ok, d = all_close((got, ref), tol=1e-6)
    return ok, (f'target 1-eps at the label, eps/K elsewhere (sums to 1-eps/K): {d} (the code computes in float32); '
                f'torch uniform differs by {off:.3g}')


# ---------------------------------------------------------------- soft_target
def _cvt_soft():
    ns = load('cvt__loss.py', 'SoftTargetCrossEntropy', ns=base_ns(th=torch))
    x, q = logits(), F.softmax(torch.randn(6, 7), -1)
    return all_close((ns['SoftTargetCrossEntropy']()(x, q), soft_ce(x, q).mean()))


def _tllib_kd():
    ns = load('tllib__loss.py', 'KnowledgeDistillationLoss')
    xs, xt = logits(), logits()
    T = 2.0
    q = F.softmax(xt / T, -1)
    return all_close((ns['KnowledgeDistillationLoss'](T)(xs, xt), kl_rows(q, F.log_softmax(xs / T, -1)).mean()))


def _tllib_reid_soft():
    ns = load('tllib__reid_loss.py', 'CrossEntropyLoss')
    xs, xt = logits(), logits()
    return all_close((ns['CrossEntropyLoss']()(xs, xt), soft_ce(xs, F.softmax(xt, -1)).mean()))


def _dreamer_two_hot():
    ns = load('torchrl__dreamer_v3.py', 'two_hot_encode', 'two_hot_cross_entropy')
    bins = torch.linspace(-2, 2, 9)
    z = torch.randn(6, 9)
    v = torch.randn(6) * 1.5
    q = ns['two_hot_encode'](v, bins)
    ok, d = all_close((ns['two_hot_cross_entropy'](z, v, bins), soft_ce(z, q)), (q.sum(-1), torch.ones(6)))
    return ok, f'-sum(two_hot(v) * log_softmax): {d} (targets from a scalar regression value, not class labels)'


def _sg_kd():
    ns = load('supergradients__kd_losses.py', 'KDklDivLoss', ns=base_ns(KLDivLoss=nn.KLDivLoss))
    xs, xt = logits(), logits()
    return all_close((ns['KDklDivLoss']()(xs, xt), kl_rows(F.softmax(xt, 1), F.log_softmax(xs, 1)).mean()))


def _levit_soft():
    ns = load('levit__losses.py', 'DistillationLoss')
    k, n, T, a = 7, 6, 3.0, 0.5
    x, xkd, t = logits(n, k), logits(n, k), labels(n, k)
    teacher_logits = logits(n, k)
    crit = ns['DistillationLoss'](nn.CrossEntropyLoss(), lambda inp: teacher_logits, 'soft', a, T)
    got = crit(None, (x, xkd), t)
    kd = kl_rows(F.softmax(teacher_logits / T, 1), F.log_softmax(xkd / T, 1)).sum() * T * T / xkd.numel()
    return all_close((got, (1 - a) * F.cross_entropy(x, t) + a * kd))


# ---------------------------------------------------------------- none
def _corenet_bce():
    fn = load_method('corenet__binary_cross_entropy.py', 'BinaryCrossEntropy', '_compute_loss', base_ns())
    x, t = logits(), labels()
    return all_close((fn(stub(reduction='mean'), x, t), bce_logits(x, onehot(t, 7)).mean()))


def _mpnn_nll():
    ns = load('pyg__protein_mpnn.py', 'loss_nll')
    z = F.log_softmax(torch.randn(2, 5, 21), -1)
    y = torch.randint(0, 21, (2, 5))
    mask = torch.ones(2, 5)
    loss, av, _ = ns['loss_nll'](y, z, mask)
    return all_close((loss, -z.gather(-1, y[..., None])[..., 0]), (av, F.nll_loss(z.view(-1, 21), y.view(-1))))


def _diffusers_conf():
    ns = load('diffusers__training_utils.py', 'compute_confidence_aware_loss')
    x, t = logits(), labels()
    t[0] = -100
    loss, sft, conf = ns['compute_confidence_aware_loss'](x, t, lambda_conf=0.5)
    p = F.softmax(x, -1)
    ent = -(p * p.log()).sum(-1)
    correct = t.ne(-100) & x.argmax(-1).eq(t)
    ref_conf = (ent * correct).sum() / correct.sum().clamp_min(1)
    ok, d = all_close((sft, F.cross_entropy(x, t, ignore_index=-100)), (loss, sft + 0.5 * ref_conf))
    return ok, f'hard-label CE + lambda * entropy of already-correct rows (an entropy penalty, no smoothed target): {d}'


def _medzoo_pixel():
    ns = load('medzoo/basic.py', 'expand_as_one_hot')
    ns = load('medzoo/pixel_wise_cross_entropy.py', 'PixelWiseCrossEntropyLoss', ns=ns)
    n, C, D, H, W = 1, 4, 2, 3, 3  # weights.unsqueeze(0).expand_as(input) only broadcasts for a batch of 1
    x = torch.randn(n, C, D, H, W)
    t = torch.randint(0, C, (n, D, H, W))
    w = torch.rand(n, D, H, W)
    got = ns['PixelWiseCrossEntropyLoss']()(x, t, w)
    oh = F.one_hot(t, C).permute(0, 4, 1, 2, 3).to(DT)
    ref = (-w.unsqueeze(1) * oh * F.log_softmax(x, 1)).mean()
    ok, d = all_close((got, ref), tol=1e-6)
    return ok, f'weighted hard one-hot CE over the class axis 1 of (N, C, D, H, W): {d} (expand_as_one_hot builds a float32 one-hot)'


def _nested_bce_dice():
    ns = load('nestedunet__losses.py', 'BCEDiceLoss')
    x = torch.randn(3, 1, 4, 4)
    t = (torch.rand(3, 1, 4, 4) > 0.5).to(DT)
    p = torch.sigmoid(x).view(3, -1)
    tt = t.view(3, -1)
    dice = 1 - ((2 * (p * tt).sum(1) + 1e-5) / (p.sum(1) + tt.sum(1) + 1e-5)).sum() / 3
    return all_close((ns['BCEDiceLoss']()(x, t), 0.5 * bce_logits(x, t).mean() + dice))


def _tts_bce_masked():
    ns = load('tts__losses.py', 'BCELossMasked', ns=base_ns(functional=F))
    x = torch.randn(3, 6)
    t = (torch.rand(3, 6) > 0.7).to(DT)
    crit = ns['BCELossMasked'](pos_weight=2.0)
    got = crit(x, t, None)
    ref = F.binary_cross_entropy_with_logits(x, t, pos_weight=torch.tensor([2.0]), reduction='sum') / x.numel()
    return all_close((got, ref))


def _yolo_focal():
    ns = load('yolov9__loss.py', 'FocalLoss')
    x = torch.randn(5, 4)
    t = (torch.rand(5, 4) > 0.5).to(DT)
    g, a = 1.5, 0.25
    got = ns['FocalLoss'](nn.BCEWithLogitsLoss(), gamma=g, alpha=a)(x, t)
    p = torch.sigmoid(x)
    pt = t * p + (1 - t) * (1 - p)
    ref = (bce_logits(x, t) * (t * a + (1 - t) * (1 - a)) * (1 - pt) ** g).mean()
    return all_close((got, ref))


def _umt_ls():
    ns = load('unsupervisedmt__label_smoothed_cross_entropy.py', 'LabelSmoothedCrossEntropyLoss')
    x, t = logits(8, 7), labels(8, 7)
    t[2] = 1
    t[5] = 1
    got = ns['LabelSmoothedCrossEntropyLoss'](0.1, padding_idx=1)(x, t)
    got_sum = ns['LabelSmoothedCrossEntropyLoss'](0.2, padding_idx=1, size_average=False)(x, t)
    return all_close((got, F.cross_entropy(x, t, ignore_index=1, label_smoothing=0.1)),
                     (got_sum, F.cross_entropy(x, t, ignore_index=1, label_smoothing=0.2, reduction='sum')))


def _bolts_ns():
    import dataclasses
    import typing
    from torch.nn.functional import binary_cross_entropy, binary_cross_entropy_with_logits, one_hot
    ns = load('plbolts__yolo_loss.py', '_pairwise_confidence_loss', '_target_labels_to_probs', 'YOLOLosses',
              'YOLOLoss', ns=base_ns(Callable=typing.Callable, one_hot=one_hot,
                                     binary_cross_entropy=binary_cross_entropy,
                                     binary_cross_entropy_with_logits=binary_cross_entropy_with_logits))
    ns['YOLOLosses'] = dataclasses.dataclass(ns['YOLOLosses'])  # load() starts at the `class` line, below @dataclass
    return ns


def _bolts_probs():
    ns = _bolts_ns()
    t, k, eps = labels(6, 5), 5, 0.2
    return all_close((ns['_target_labels_to_probs'](t, k, DT, eps), onehot(t, k) * (1 - eps) + eps / 2))


def _bolts_yolo():
    ns = _bolts_ns()
    n, m, k, eps = 4, 3, 5, 0.1
    preds = {'boxes': torch.randn(n, 4), 'confidences': torch.randn(n), 'classprobs': torch.randn(n, k)}
    targets = {'boxes': torch.randn(m, 4), 'labels': labels(m, k)}
    crit = ns['YOLOLoss'](overlap_func=lambda a, b: torch.rand(len(a), len(b)), label_smoothing=eps)
    losses, _ = crit.pairwise(preds, targets, input_is_normalized=False)
    q = onehot(targets['labels'], k) * (1 - eps) + eps / 2
    ref = bce_logits(preds['classprobs'][:, None, :].expand(n, m, k), q[None].expand(n, m, k)).sum(-1)
    ok, d = all_close((losses.classification, ref))
    return ok, f'class loss of pairwise(): BCE-with-logits against onehot*(1-eps) + eps/2, summed over classes: {d}'


def main():
    check('cvt__loss.py', 'LabelSmoothingCrossEntropy', _cvt_ls)
    check('cvt__loss.py', 'SoftTargetCrossEntropy', _cvt_soft)
    check('corenet__cross_entropy.py', 'CrossEntropy', _corenet_ce)
    check('corenet__binary_cross_entropy.py', 'BinaryCrossEntropy', _corenet_bce)
    check('pyg__protein_mpnn.py', 'loss_smoothed', _mpnn_smoothed)
    check('pyg__protein_mpnn.py', 'loss_nll', _mpnn_nll)
    check('reidbaseline__utils.py', 'CrossEntropyLabelSmooth', _reid_baseline)
    check('remos/utils.py', 'CrossEntropyLabelSmooth', _remos_ls)
    check('tllib__reid_loss.py', 'CrossEntropyLossWithLabelSmooth', _tllib_reid_ls)
    check('tllib__reid_loss.py', 'CrossEntropyLoss', _tllib_reid_soft)
    check('tllib__loss.py', 'LabelSmoothSoftmaxCEV1', _tllib_lsv1)
    check('tllib__loss.py', 'KnowledgeDistillationLoss', _tllib_kd)
    check('supergradients__label_smoothing_cross_entropy_loss.py', 'cross_entropy', _sg_fn)
    check('supergradients__label_smoothing_cross_entropy_loss.py', 'CrossEntropyLoss', _sg_class)
    check('supergradients__kd_losses.py', 'KDklDivLoss', _sg_kd)
    check('neuraltransducer__transformer.py', 'Transformer.loss', _neural_transducer)
    check('yolov9__torch_utils.py', 'smartCrossEntropyLoss', _smart_ce)
    check('yolov9__loss.py', 'smooth_BCE', _yolo_smooth_bce)
    check('yolov9__loss.py', 'FocalLoss', _yolo_focal)
    check('lightningseq2seq/utils.py', 'label_smoothed_nll_loss', _lightning_utils)
    check('lightningseq2seq/bart_seq2seq.py', 'BartSeq2SeqModel.training_step', _lightning_step)
    check('tencentpretrain__lm_target.py', 'LmTarget', _tencent_lm)
    check('torchrl__dreamer_v3.py', 'two_hot_cross_entropy', _dreamer_two_hot)
    check('levit__losses.py', 'DistillationLoss', _levit_soft)
    check('diffusers__training_utils.py', 'compute_confidence_aware_loss', _diffusers_conf)
    check('medzoo/pixel_wise_cross_entropy.py', 'PixelWiseCrossEntropyLoss', _medzoo_pixel)
    check('nestedunet__losses.py', 'BCEDiceLoss', _nested_bce_dice)
    check('tts__losses.py', 'BCELossMasked', _tts_bce_masked)
    check('unsupervisedmt__label_smoothed_cross_entropy.py', 'LabelSmoothedCrossEntropyLoss', _umt_ls)
    check('plbolts__yolo_loss.py', '_target_labels_to_probs', _bolts_probs)
    check('plbolts__yolo_loss.py', 'YOLOLoss', _bolts_yolo)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
