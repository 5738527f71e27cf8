#!/usr/bin/python3
"""Numerical checks for the b20a labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_b20a.py
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



def uniform_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / k


def ce_mean(x, q):
    return soft_ce(x, q).mean()


def identity_decorator(*a, **kw):
    if a and callable(a[0]) and not kw:
        return a[0]
    return lambda f: f


# ---------------------------------------------------------------- checks (b20a)
def _imgrec_ls():
    ns = load('imagerecognition__softmax_with_label_smoothing.py', 'CrossEntropyLabelSmooth')
    x, t = logits(), labels()
    got = ns['CrossEntropyLabelSmooth'](7, epsilon=0.1, use_gpu=False)(x, t)
    return all_close((got, F.cross_entropy(x, t, label_smoothing=0.1)))


def _up_ls():
    ns = load('up__cls_loss.py', 'LabelSmoothCELoss', ns=base_ns(_Loss=nn.Module))
    x, t = logits(), labels()
    loss = ns['LabelSmoothCELoss'](0.2, 7)
    ref = F.cross_entropy(x, t, label_smoothing=0.2)
    return all_close((loss(x, t), ref), (loss(x, onehot(t, 7)), ref))


def _up_ce():
    ns = load('up__cls_loss.py', 'CrossEntropyLoss', ns=base_ns(_Loss=nn.Module))
    x, t = logits(), labels()
    return all_close((ns['CrossEntropyLoss']()(x, t), F.cross_entropy(x, t)))


def _up_stce():
    ns = load('up__cls_loss.py', 'SoftTargetCrossEntropy', ns=base_ns(_Loss=nn.Module))
    x = logits()
    q = torch.softmax(torch.randn(6, 7), -1)
    return all_close((ns['SoftTargetCrossEntropy']()(x, q), ce_mean(x, q)))


def _up_eql():
    ns = load('up__cls_loss.py', 'SoftmaxEQLLoss', ns=base_ns(_Loss=nn.Module))
    x, t = logits(), labels()
    loss = ns['SoftmaxEQLLoss'](7)
    # fresh buffers: indicator is all zeros, clamped to eps, so the ratio matrix is all ones and the factor is 1
    return all_close((loss(x, t), F.cross_entropy(x, t)))


def _focalls():
    ns = load('focalls__fc_loss.py', 'FocalLoss', ns=base_ns(Union=__import__('typing').Union))
    x, t = logits(), labels()
    got = ns['FocalLoss']('cpu', label_smoothing=0.1, gamma=2)(x, t)
    ce = F.cross_entropy(x, t, label_smoothing=0.1)
    off = ns['FocalLoss']('cpu', gamma=2)(x, t)
    ce0 = F.cross_entropy(x, t)
    return all_close((got, (1 - torch.exp(-ce)) ** 2 * ce), (off, (1 - torch.exp(-ce0)) ** 2 * ce0))


def _smooth_bce(fname):
    ns = load(fname, 'smooth_BCE')
    cp, cn = ns['smooth_BCE'](0.1)
    return all_close((cp, 0.95), (cn, 0.05))


def _bce_class_targets(cp_cn_eps):
    """the ComputeLoss / compute_loss class term: full_like(ps, cn), t[range(n), tcls] = cp, BCE-with-logits."""
    ns = load('yolov5obb__loss.py', 'smooth_BCE')
    cp, cn = ns['smooth_BCE'](eps=cp_cn_eps)
    ps, tcls = logits(5, 4), labels(5, 4)
    t = torch.full_like(ps, cn)
    t[range(5), tcls] = cp
    ref_t = onehot(tcls, 4) * (1 - cp_cn_eps) + cp_cn_eps / 2
    return all_close((F.binary_cross_entropy_with_logits(ps, t), F.binary_cross_entropy_with_logits(ps, ref_t)))


def _yolo_focal(fname):
    ns = load(fname, 'FocalLoss')
    x, t = logits(), onehot(labels(), 7)
    got = ns['FocalLoss'](nn.BCEWithLogitsLoss(), gamma=1.5, alpha=0.25)(x, t)
    p = torch.sigmoid(x)
    pt = t * p + (1 - t) * (1 - p)
    ref = (bce_logits(x, t) * (t * 0.25 + (1 - t) * 0.75) * (1 - pt) ** 1.5).mean()
    return all_close((got, ref))


def _yolo_qfocal(fname):
    ns = load(fname, 'QFocalLoss')
    x, t = logits(), onehot(labels(), 7)
    got = ns['QFocalLoss'](nn.BCEWithLogitsLoss(), gamma=1.5, alpha=0.25)(x, t)
    p = torch.sigmoid(x)
    ref = (bce_logits(x, t) * (t * 0.25 + (1 - t) * 0.75) * (t - p).abs() ** 1.5).mean()
    return all_close((got, ref))


def _yolo_blur(fname):
    ns = load(fname, 'BCEBlurWithLogitsLoss')
    x, t = logits(), onehot(labels(), 7)
    got = ns['BCEBlurWithLogitsLoss'](0.05)(x, t)
    ref = (bce_logits(x, t) * (1 - torch.exp((torch.sigmoid(x) - t - 1) / (0.05 + 1e-4)))).mean()
    return all_close((got, ref))


def _cellseg():
    ns = load('cellseg__loss.py', 'cross_entropy2d')
    x = torch.randn(2, 5, 4, 3)
    t = torch.randint(0, 5, (2, 4, 3))
    t[0, 0, 0] = 250
    got = ns['cross_entropy2d'](x, t)
    return all_close((got, F.cross_entropy(x, t, ignore_index=250)))


def _deeplab_ce():
    ns = load('deeplabv3plus__deeplabv3_training.py', 'CE_Loss')
    x = torch.randn(2, 5, 4, 3)
    t = torch.randint(0, 6, (2, 4, 3))  # label 5 == num_classes is ignored
    got = ns['CE_Loss'](x, t, num_classes=5)
    return all_close((got, F.cross_entropy(x, t, ignore_index=5)))


def _sphere():
    ns = load('sphereveid__sphere_loss.py', 'SphereLoss', 'OhemSphereLoss')
    x, t = torch.randn(10, 8), labels(10, 4)
    m = ns['SphereLoss'](8, 4)
    cos = F.normalize(x, dim=1) @ F.normalize(m.W, dim=0)
    ok1 = close(m(x, t), F.cross_entropy(14 * cos, t))
    o = ns['OhemSphereLoss'](8, 4)
    cos = F.normalize(x, dim=1) @ F.normalize(o.W, dim=0)
    per = F.cross_entropy(14 * cos, t, reduction='none').sort(descending=True)[0][:7].mean()
    ok2 = close(o(x, t)[0], per)
    return ok1[0] and ok2[0], f'max|diff|={ok1[1]:.3g}, {ok2[1]:.3g} (SphereLoss = CE on 14·cos, Ohem = top-70% CE)'


def _mmyolo_vfl():
    ns = load('mmyolo__varifocal_loss.py', 'varifocal_loss')
    p = torch.rand(6, 5) * 0.98 + 0.01
    lab = onehot(labels(6, 5), 5)
    q = lab * torch.rand(6, 5)
    got = ns['varifocal_loss'](p, q, lab)
    w = 0.75 * p ** 2 * (1 - lab) + q * lab
    # the code computes the BCE in float32 (.float() under autocast), hence the looser tolerance
    return all_close((got, (F.binary_cross_entropy(p, q, reduction='none') * w).sum()), tol=1e-5)


def _nanodet_dfl():
    ns = load('nanodet__gfocal_loss.py', 'distribution_focal_loss',
              ns=base_ns(weighted_loss=identity_decorator))
    x = torch.randn(6, 8)
    y = torch.rand(6) * 6.5
    got = ns['distribution_focal_loss'](x, y)
    left = y.long()
    q = torch.zeros(6, 8)
    q[range(6), left] = (left + 1).to(DT) - y
    q[range(6), left + 1] = y - left.to(DT)
    return all_close((got, soft_ce(x, q)))


def _nanodet_qfl():
    ns = load('nanodet__gfocal_loss.py', 'quality_focal_loss', ns=base_ns(weighted_loss=identity_decorator))
    x = torch.randn(6, 5)
    lab = torch.tensor([0, 5, 2, 4, 5, 1])  # 5 == background
    score = torch.rand(6)
    got = ns['quality_focal_loss'](x, (lab, score), beta=2.0)
    p = torch.sigmoid(x)
    tgt = torch.zeros(6, 5)
    fg = lab < 5
    tgt[fg.nonzero().squeeze(1), lab[fg]] = score[fg]
    ref = (bce_logits(x, tgt) * (tgt - p).abs() ** 2).sum(1)
    return all_close((got, ref))


def _ram_asl():
    ns = load('ram__utils.py', 'AsymmetricLoss')
    x, y = logits(), (torch.rand(6, 7) > 0.7).to(DT)
    got = ns['AsymmetricLoss'](gamma_neg=0, gamma_pos=0, clip=0)(x, y)
    return all_close((got, bce_logits(x, y).sum()))


def _hrnet_mse():
    ns = load('hrnetpose__loss.py', 'JointsMSELoss')
    out, tgt = torch.randn(3, 4, 5, 5), torch.rand(3, 4, 5, 5)
    w = torch.ones(3, 4, 1)
    got = ns['JointsMSELoss'](True)(out, tgt, w)
    return all_close((got, 0.5 * F.mse_loss(out, tgt)))


def _openreid_triplet():
    ns = load('openreid__triplet.py', 'TripletLoss')
    x, t = torch.randn(8, 4), torch.tensor([0, 0, 1, 1, 2, 2, 3, 3])
    ns['TripletLoss'](margin=0.3)(x, t)
    return True, 'runs'


def _mmtrack_multipos():
    lines, _ = _source('mmtracking__multipos_cross_entropy_loss.py')
    ns = load_method('mmtracking__multipos_cross_entropy_loss.py', 'MultiPosCrossEntropyLoss',
                     'multi_pos_cross_entropy', base_ns(weight_reduce_loss=lambda l, weight=None, reduction='mean',
                                                        avg_factor=None: l.mean()))
    x = torch.randn(5, 6)
    lab = torch.zeros(5, 6)
    lab[range(5), labels(5, 6)] = 1
    got = ns(None, x, lab)
    # with one positive per row: log(1 + Σ_neg exp(x_neg − x_pos)) = CE on the row's one-hot label
    return all_close((got, F.cross_entropy(x, lab.argmax(1))))


def main():
    check('imagerecognition__softmax_with_label_smoothing.py', 'CrossEntropyLabelSmooth', _imgrec_ls)
    check('up__cls_loss.py', 'LabelSmoothCELoss', _up_ls)
    check('up__cls_loss.py', 'CrossEntropyLoss', _up_ce)
    check('up__cls_loss.py', 'SoftTargetCrossEntropy', _up_stce)
    check('up__cls_loss.py', 'SoftmaxEQLLoss', _up_eql)
    check('focalls__fc_loss.py', 'FocalLoss', _focalls)
    for f in ('yolov5obb__loss.py', 'yolov5face__loss.py'):
        check(f, 'smooth_BCE', lambda f=f: _smooth_bce(f))
        check(f, 'FocalLoss', lambda f=f: _yolo_focal(f))
        check(f, 'QFocalLoss', lambda f=f: _yolo_qfocal(f))
        check(f, 'BCEBlurWithLogitsLoss', lambda f=f: _yolo_blur(f))
    check('yolov5obb__loss.py', 'class-target-term', lambda: _bce_class_targets(0.1))
    check('yolov5face__loss.py', 'class-target-term', lambda: _bce_class_targets(0.0))
    check('cellseg__loss.py', 'cross_entropy2d', _cellseg)
    check('deeplabv3plus__deeplabv3_training.py', 'CE_Loss', _deeplab_ce)
    check('sphereveid__sphere_loss.py', 'SphereLoss', _sphere)
    check('sphereveid__sphere_loss.py', 'OhemSphereLoss', _sphere)
    check('mmyolo__varifocal_loss.py', 'varifocal_loss', _mmyolo_vfl)
    check('nanodet__gfocal_loss.py', 'distribution_focal_loss', _nanodet_dfl)
    check('nanodet__gfocal_loss.py', 'quality_focal_loss', _nanodet_qfl)
    check('ram__utils.py', 'AsymmetricLoss', _ram_asl)
    check('hrnetpose__loss.py', 'JointsMSELoss', _hrnet_mse)
    check('openreid__triplet.py', 'TripletLoss', _openreid_triplet)
    check('mmtracking__multipos_cross_entropy_loss.py', 'MultiPosCrossEntropyLoss', _mmtrack_multipos)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
