#!/usr/bin/python3
"""Numerical checks for the fresh hold-out corpus (run with /usr/bin/python3, Debian torch 1.13).

Each check loads top-level definitions from a saved corpus file (imports that fail are skipped, missing
project-internal names are stubbed explicitly), runs them on random inputs and compares with a reference built
from the convention named in ../labels.json.  Results go to results.json as {"file::symbol": true|false}.
The analyser is NOT used here.
"""
import ast
import json
import math
import os
import sys
import traceback
import types

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
RES = {}


def load(fname, names=None, inject=None, skip_imports=()):
    """Exec import statements (failures ignored) then the selected top-level defs/assignments of a corpus file."""
    src = open(os.path.join(CORPUS, fname)).read()
    tree = ast.parse(src)
    ns = {'__name__': 'corpus_' + fname.replace('.', '_'), 'torch': torch, 'nn': nn, 'F': F}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            seg = ast.get_source_segment(src, node)
            if any(s in seg for s in skip_imports):
                continue
            try:
                exec(compile(ast.Module([node], []), fname, 'exec'), ns)
            except Exception:
                pass
    if inject:
        ns.update(inject)
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        nm = getattr(node, 'name', None)
        if isinstance(node, ast.Assign):
            nm = [t.id for t in node.targets if isinstance(t, ast.Name)]
            nm = nm[0] if nm else None
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) or (isinstance(node, ast.Assign) and nm):
            if names is None or nm in names:
                exec(compile(ast.Module([node], []), fname, 'exec'), ns)
    if inject:
        ns.update({k: v for k, v in inject.items() if k not in ns or k.startswith('!')})
    return ns


def check(key):
    def deco(fn):
        try:
            ok = bool(fn())
        except Exception:
            traceback.print_exc()
            ok = False
        RES[key] = ok
        print(('PASS ' if ok else 'FAIL ') + key)
        return fn
    return deco


def close(a, b, tol=1e-5):
    a = torch.as_tensor(a, dtype=torch.float64)
    b = torch.as_tensor(b, dtype=torch.float64)
    return torch.allclose(a, b, atol=tol, rtol=tol)


def logits_targets(n=8, k=7):
    return torch.randn(n, k), torch.randint(0, k, (n,))


def ce_target(x, t):  # per-row CE against a distribution t
    return -(t * F.log_softmax(x, -1)).sum(-1)


def t_uniform(y, k, eps):
    return F.one_hot(y, k).double().float() * (1 - eps) + eps / k


def t_km1(y, k, eps):
    t = torch.full((len(y), k), eps / (k - 1))
    t[torch.arange(len(y)), y] = 1 - eps
    return t


def ref_uniform(x, y, eps):
    return F.cross_entropy(x, y, label_smoothing=eps)


def kl_rows(x_logp, t):
    return (t * (torch.log(t.clamp_min(1e-30)) - x_logp)).sum(-1)


EPS = 0.1

# ---------------------------------------------------------------- positives
# CoinCheung/pytorch-loss label_smooth.py: target 1-eps on the true class, eps/K elsewhere (sums to 1 - eps/K)
amp_stub = types.SimpleNamespace(custom_fwd=lambda *a, **k: (lambda f: f), custom_bwd=lambda *a, **k: (lambda f: f))
ns = load('coincheung_pytorch_loss__label_smooth.py',
          names={'LabelSmoothSoftmaxCEV1', 'LSRCrossEntropyFunctionV2', 'LabelSmoothSoftmaxCEV2'},
          inject={'amp': amp_stub}, skip_imports=('lsr_cpp',))


def coin_ref(x, y, eps):
    k = x.size(1)
    t = torch.full_like(x, eps / k)
    t[torch.arange(len(y)), y] = 1 - eps
    return ce_target(x, t).mean()


@check('coincheung_pytorch_loss__label_smooth.py::LabelSmoothSoftmaxCEV1')
def _():
    x, y = logits_targets()
    v = ns['LabelSmoothSoftmaxCEV1'](lb_smooth=EPS)(x, y)
    return close(v, coin_ref(x, y, EPS)) and not close(v, ref_uniform(x, y, EPS))


@check('coincheung_pytorch_loss__label_smooth.py::LabelSmoothSoftmaxCEV2')
def _():
    x, y = logits_targets()
    x.requires_grad_(True)
    v = ns['LabelSmoothSoftmaxCEV2'](lb_smooth=EPS)(x, y)
    ok = close(v, coin_ref(x.detach(), y, EPS))
    # hand-written backward: coeff*softmax - target, coeff = 1 - eps/K (matches autograd of the same target)
    v.backward()
    x2 = x.detach().clone().requires_grad_(True)
    coin_ref(x2, y, EPS).backward()
    return ok and close(x.grad, x2.grad)


RES['coincheung_pytorch_loss__label_smooth.py::LSRCrossEntropyFunctionV2'] = RES[
    'coincheung_pytorch_loss__label_smooth.py::LabelSmoothSoftmaxCEV2']

# fast-reid cross_entropy_loss
ns = load('fast_reid__cross_entroy_loss.py', names={'cross_entropy_loss'})


@check('fast_reid__cross_entroy_loss.py::cross_entropy_loss')
def _():
    x, y = logits_targets()
    v = ns['cross_entropy_loss'](x, y, EPS)
    ok = close(v, ce_target(x, t_km1(y, x.size(1), EPS)).mean())
    # eps < 0: adaptive smoothing alpha * p_y (model's own prediction) spread over K-1 classes
    p = F.softmax(x, 1)
    s = 0.2 * p[torch.arange(len(y)), y].unsqueeze(1)
    t = (torch.ones_like(x) * s / (x.size(1) - 1)).scatter(1, y.unsqueeze(1), 1 - s)
    v2 = ns['cross_entropy_loss'](x, y, -1)
    return ok and close(v2, ce_target(x, t).mean())


# deep-person-reid CrossEntropyLoss (uniform)
ns = load('deep_person_reid__cross_entropy_loss.py')


@check('deep_person_reid__cross_entropy_loss.py::CrossEntropyLoss')
def _():
    x, y = logits_targets()
    ok = close(ns['CrossEntropyLoss'](7, eps=EPS, use_gpu=False)(x, y), ref_uniform(x, y, EPS))
    ok2 = close(ns['CrossEntropyLoss'](7, eps=EPS, use_gpu=False, label_smooth=False)(x, y), F.cross_entropy(x, y))
    return ok and ok2


ns = load('reid_strong_baseline__triplet_loss.py', names={'CrossEntropyLabelSmooth'})


@check('reid_strong_baseline__triplet_loss.py::CrossEntropyLabelSmooth')
def _():
    x, y = logits_targets()
    return close(ns['CrossEntropyLabelSmooth'](7, epsilon=EPS, use_gpu=False)(x, y), ref_uniform(x, y, EPS))


# kospeech: expects log-probabilities; target eps/(K-1), 1-eps, padding rows zeroed, summed
ns = load('kospeech__label_smoothed_cross_entropy.py')


@check('kospeech__label_smoothed_cross_entropy.py::LabelSmoothedCrossEntropyLoss')
def _():
    x, y = logits_targets()
    y[0] = 0  # pad id 0
    lp = F.log_softmax(x, -1)
    v = ns['LabelSmoothedCrossEntropyLoss'](7, ignore_index=0, smoothing=EPS)(lp, y)
    keep = y != 0
    ref = (ce_target(x, t_km1(y, 7, EPS))[keep]).sum()
    v0 = ns['LabelSmoothedCrossEntropyLoss'](7, ignore_index=0, smoothing=0.0)(lp, y)
    return close(v, ref) and close(v0, F.cross_entropy(x, y, ignore_index=0, reduction='sum'))


# THUMT: p*logp_y + q*(sum-logp_y), q = eps/(K-1); normalize subtracts the target entropy (KL)
ns = load('thumt__losses.py')


@check('thumt__losses.py::SmoothedCrossEntropyLoss')
def _():
    x, y = logits_targets()
    m = ns['SmoothedCrossEntropyLoss'](smoothing=EPS, normalize=False).train()
    ok = close(m(x, y), ce_target(x, t_km1(y, 7, EPS)))
    m2 = ns['SmoothedCrossEntropyLoss'](smoothing=EPS, normalize=True).train()
    ok2 = close(m2(x, y), kl_rows(F.log_softmax(x, -1), t_km1(y, 7, EPS)), 1e-4)
    ok3 = close(m.eval()(x, y), F.cross_entropy(x, y, reduction='none'))
    return ok and ok2 and ok3


# pycls: smooth_one_hot_labels + SoftCrossEntropyLoss (cfg stubbed)
cfg = types.SimpleNamespace(MODEL=types.SimpleNamespace(NUM_CLASSES=7), TRAIN=types.SimpleNamespace(LABEL_SMOOTHING=EPS))
ns = load('pycls__net.py', names={'smooth_one_hot_labels', 'SoftCrossEntropyLoss'}, inject={'cfg': cfg})


@check('pycls__net.py::smooth_one_hot_labels')
def _():
    x, y = logits_targets()
    t = ns['smooth_one_hot_labels'](y)
    return close(t, t_uniform(y, 7, EPS)) and close(ns['SoftCrossEntropyLoss']()(x, t), ref_uniform(x, y, EPS))


@check('pycls__net.py::SoftCrossEntropyLoss')
def _():
    x, y = logits_targets()
    t = torch.softmax(torch.randn(8, 7), -1)
    return close(ns['SoftCrossEntropyLoss']()(x, t), ce_target(x, t).mean()) and close(
        ns['SoftCrossEntropyLoss']()(x, F.one_hot(y, 7).float()), F.cross_entropy(x, y))


# PreSumm: OpenNMT-style KL, eps/(K-2), padding column and padding rows zeroed
ns = load('presumm__loss.py', names={'LabelSmoothingLoss'})


@check('presumm__loss.py::LabelSmoothingLoss')
def _():
    x, y = logits_targets(10, 9)
    pad = 1
    y[y == pad] = 2
    y[0] = pad
    lp = F.log_softmax(x, -1)
    v = ns['LabelSmoothingLoss'](EPS, 9, ignore_index=pad)(lp, y)
    t = torch.full((10, 9), EPS / 7)
    t[:, pad] = 0
    t[torch.arange(10), y] = 1 - EPS
    t[y == pad] = 0
    return close(v, kl_rows(lp, t).sum(), 1e-4)


RES['presumm__loss.py::NMTLossCompute'] = RES['presumm__loss.py::LabelSmoothingLoss']
RES['presumm__loss.py::abs_loss'] = RES['presumm__loss.py::LabelSmoothingLoss']

# pytext: stub its config/component modules
for modname in ['pytext', 'pytext.config', 'pytext.config.component', 'pytext.utils', 'pytext.utils.cuda']:
    sys.modules.setdefault(modname, types.ModuleType(modname))


class _Component:
    def __init__(self, config=None, *a, **k):
        self.config = config


sys.modules['pytext.config'].ConfigBase = object
sys.modules['pytext.config.component'].Component = _Component
sys.modules['pytext.config.component'].ComponentType = types.SimpleNamespace(LOSS='loss')
sys.modules['pytext.utils'].loss = types.SimpleNamespace()
sys.modules['pytext.utils'].precision = types.SimpleNamespace(maybe_float=lambda t: t.float())
sys.modules['pytext.utils.cuda'].FloatTensor = torch.FloatTensor
ns = load('pytext__loss.py')
C = types.SimpleNamespace


@check('pytext__loss.py::LabelSmoothedCrossEntropyLoss')
def _():
    x, y = logits_targets()
    L = ns['LabelSmoothedCrossEntropyLoss']
    v = L(C(beta=EPS, source=ns['SourceType'].LOGITS, use_entropy=False))(x, y)
    ok = close(v, ref_uniform(x, y, EPS))
    ve = L(C(beta=EPS, source=ns['SourceType'].LOGITS, use_entropy=True))(x, y)
    p = F.softmax(x, 1)
    ent = -(p * torch.log(p)).sum(1)
    ok2 = close(ve, (1 - EPS) * F.cross_entropy(x, y) - EPS * ent.mean())  # confidence penalty, not a target
    return ok and ok2


@check('pytext__loss.py::CrossEntropyLoss')
def _():
    x, y = logits_targets()
    return close(ns['CrossEntropyLoss'](None)(x, y), F.cross_entropy(x, y)) and close(
        ns['NLLLoss'](None)(F.log_softmax(x, 1), y), F.cross_entropy(x, y))


RES['pytext__loss.py::NLLLoss'] = RES['pytext__loss.py::CrossEntropyLoss']


@check('pytext__loss.py::KLDivergenceCELoss')
def _():
    x, y = logits_targets()
    tl = torch.randn(8, 7)
    m = ns['KLDivergenceCELoss'](C(temperature=2.0, hard_weight=0.3))
    v = m(x, (y, None, tl))
    q = F.softmax(tl / 2, 1).clamp(1e-10, 1 - 1e-10)
    soft = kl_rows(F.log_softmax(x / 2, 1), q).mean() * 4
    return close(v, 0.7 * soft + 0.3 * F.cross_entropy(x, y), 1e-4)


@check('pytext__loss.py::FocalLoss')
def _():
    x, y = logits_targets()
    v = ns['FocalLoss'](C(alpha=1.0, gamma=0.0, logits=True))(x, y)
    return close(v, F.cross_entropy(x, y))


@check('pytext__loss.py::BinaryCrossEntropyLoss')
def _():
    x, y = logits_targets()
    m = ns['BinaryCrossEntropyLoss'](C(reweight_negative=False, reduce=True))
    return close(m(x, y), F.binary_cross_entropy_with_logits(x, F.one_hot(y, 7).float(), reduction='none').sum(-1).mean())


# MMT: .cuda() on a parameter-less LogSoftmax is a no-op on CPU-only torch
ns = load('mmt__crossentropy.py')


@check('mmt__crossentropy.py::CrossEntropyLabelSmooth')
def _():
    x, y = logits_targets()
    return close(ns['CrossEntropyLabelSmooth'](7, epsilon=EPS)(x, y), ref_uniform(x, y, EPS))


@check('mmt__crossentropy.py::SoftEntropy')
def _():
    x, _ = logits_targets()
    t = torch.randn(8, 7)
    return close(ns['SoftEntropy']()(x, t), ce_target(x, F.softmax(t, 1)).mean())


ns = load('dgcnn__util.py', names={'cal_loss'})


@check('dgcnn__util.py::cal_loss')
def _():
    x, y = logits_targets()
    return close(ns['cal_loss'](x, y), ce_target(x, t_km1(y, 7, 0.2)).mean()) and close(
        ns['cal_loss'](x, y, smoothing=False), F.cross_entropy(x, y))


ns = load('cavaface__loss.py', names={'FocalLoss', 'smooth_one_hot', 'LabelSmoothCrossEntropyLoss'},
          skip_imports=('torchshard',))


@check('cavaface__loss.py::smooth_one_hot')
def _():
    _, y = logits_targets()
    return close(ns['smooth_one_hot'](y, 7, EPS), t_km1(y, 7, EPS))


@check('cavaface__loss.py::LabelSmoothCrossEntropyLoss')
def _():
    x, y = logits_targets()
    return close(ns['LabelSmoothCrossEntropyLoss'](7, EPS)(x, y), ce_target(x, t_km1(y, 7, EPS)).mean())


@check('cavaface__loss.py::FocalLoss')
def _():
    x, y = logits_targets()
    ce = F.cross_entropy(x, y)
    return close(ns['FocalLoss'](gamma=2)(x, y), (1 - torch.exp(-ce)) ** 2 * ce)


# cassava_kaggle loss.py
_orig_cuda = torch.Tensor.cuda
torch.Tensor.cuda = lambda self, *a, **k: self
ns = load('cassava_kaggle__loss.py')


@check('cassava_kaggle__loss.py::LabelSmoothLoss')
def _():
    x, y = logits_targets(8, 5)
    return close(ns['LabelSmoothLoss'](5, smoothing=0.3)(x, y), ce_target(x, t_km1(y, 5, 0.3)).mean())


@check('cassava_kaggle__loss.py::TaylorCrossEntropyLoss')
def _():
    x, y = logits_targets(8, 5)
    ok = close(ns['TaylorCrossEntropyLoss'](5, smoothing=0.3)(x, y), ce_target(x, t_km1(y, 5, 0.3)).mean())
    try:  # smoothing=0 path: `.log` is not called -> fails at runtime (bug in the source)
        ns['TaylorCrossEntropyLoss'](5)(x, y)
        broken = False
    except Exception:
        broken = True
    return ok and broken


@check('cassava_kaggle__loss.py::SymmetricCrossEntropy')
def _():
    x, y = logits_targets(8, 5)
    a, b = 0.1, 1.0
    v = ns['SymmetricCrossEntropy'](alpha=a, beta=b, num_classes=5, smoothing=0.3)(x, y)
    ref = a * ce_target(x, t_km1(y, 5, 0.3)).mean() + b * F.cross_entropy(x, y)
    v0 = ns['SymmetricCrossEntropy'](alpha=a, beta=b, num_classes=5)(x, y)
    return close(v, ref, 1e-4) and close(v0, (a + b) * F.cross_entropy(x, y), 1e-4)


@check('cassava_kaggle__loss.py::bi_tempered_logistic_loss')
def _():
    x, y = logits_targets(8, 5)
    # t1 = t2 = 1 reduces the bi-tempered loss to KL(target || softmax)
    v = ns['bi_tempered_logistic_loss'](x, y, 1.0, 1.0, label_smoothing=0.2, reduction='mean')
    t = t_km1(y, 5, 0.2)
    ref = (t * torch.log(t + 1e-10) - t * F.log_softmax(x, -1)).sum(-1).mean()
    return close(v, ref, 1e-4)


RES['cassava_kaggle__loss.py::BiTemperedLogisticLoss'] = None  # set below


@check('cassava_kaggle__loss.py::BiTemperedLogisticLoss')
def _():
    x, y = logits_targets(8, 5)
    v = ns['BiTemperedLogisticLoss'](1.0, 1.0, smoothing=0.2)(x, y)
    t = t_km1(y, 5, 0.2)
    return close(v, (t * torch.log(t + 1e-10) - t * F.log_softmax(x, -1)).sum(-1).mean(), 1e-4)


@check('cassava_kaggle__loss.py::bi_tempered_binary_logistic_loss')
def _():
    a = torch.randn(8)
    lab = torch.randint(0, 2, (8,)).float()
    v = ns['bi_tempered_binary_logistic_loss'](a, lab, 1.0, 1.0, label_smoothing=0.2, reduction='mean')
    s = lab * (1 - 0.4) + 0.2  # = (1-y)*eps + y*(1-eps), i.e. alpha = 2*eps in the binary convention
    p = torch.sigmoid(a)
    ref = (s * torch.log(s) + (1 - s) * torch.log(1 - s) - s * torch.log(p) - (1 - s) * torch.log(1 - p)).mean()
    return close(v, ref, 1e-4)


torch.Tensor.cuda = _orig_cuda

# openspeech (register_criterion / config stubbed)
stub_reg = {'register_criterion': lambda *a, **k: (lambda c: c), 'LabelSmoothedCrossEntropyLossConfigs': object,
            'JointCTCCrossEntropyLossConfigs': object, 'DictConfig': object, 'Tokenizer': object}
ns_ls = load('openspeech__label_smoothed_cross_entropy.py', inject=stub_reg)
cfgs = C(criterion=C(smoothing=EPS, reduction='sum', ctc_weight=0.3, cross_entropy_weight=0.7, zero_infinity=True))
tok = C(pad_id=0, blank_id=0)


@check('openspeech__label_smoothed_cross_entropy.py::LabelSmoothedCrossEntropyLoss')
def _():
    x = torch.randn(2, 5, 7)
    y = torch.randint(1, 7, (2, 5))
    y[0, -1] = 0
    lp = F.log_softmax(x, -1)
    v = ns_ls['LabelSmoothedCrossEntropyLoss'](cfgs, 7, tok)(lp, y)
    yy = y.view(-1)
    keep = yy != 0
    return close(v, ce_target(x.view(-1, 7), t_km1(yy, 7, EPS))[keep].sum())


ns_j = load('openspeech__joint_ctc_cross_entropy.py',
            inject=dict(stub_reg, LabelSmoothedCrossEntropyLoss=ns_ls['LabelSmoothedCrossEntropyLoss']))


@check('openspeech__joint_ctc_cross_entropy.py::JointCTCCrossEntropyLoss')
def _():
    x = torch.randn(2, 5, 7)
    y = torch.randint(1, 7, (2, 5))
    enc = F.log_softmax(torch.randn(12, 2, 7), -1)
    ol = torch.tensor([12, 12])
    tl = torch.tensor([5, 5])
    m = ns_j['JointCTCCrossEntropyLoss'](cfgs, 7, tok)
    # smoothing > 0: forward flattens logits/targets before calling LabelSmoothedCrossEntropyLoss, which indexes
    # targets.size(1) -> IndexError as written.  The criterion it builds is the eps/(K-1) one (checked directly).
    try:
        m(enc, F.log_softmax(x, -1), ol, y, tl)
        crashed = False
    except IndexError:
        crashed = True
    ce = m.cross_entropy_loss(F.log_softmax(x, -1), y)
    ok = crashed and close(ce, ce_target(x.view(-1, 7), t_km1(y.view(-1), 7, EPS)).sum())
    cfg0 = C(criterion=C(smoothing=0.0, reduction='sum', ctc_weight=0.3, cross_entropy_weight=0.7, zero_infinity=True))
    _, _, ce0 = ns_j['JointCTCCrossEntropyLoss'](cfg0, 7, tok)(enc, x, ol, y, tl)
    return ok and close(ce0, F.cross_entropy(x.view(-1, 7), y.view(-1), reduction='sum'))


# UER-py LmTarget.lm (fairseq-style eps_i = eps/(K-1))
for modname in ['uer', 'uer.utils', 'uer.utils.constants']:
    sys.modules.setdefault(modname, types.ModuleType(modname))
sys.modules['uer.utils.constants'].PAD_TOKEN = '[PAD]'
ns = load('uer_py__lm_target.py')


class _Args(dict):
    def __getattr__(self, k):
        return self[k]


@check('uer_py__lm_target.py::LmTarget')
def _():
    args = _Args(hidden_size=6, label_smoothing=EPS, prefix_lm_loss=False, has_lmtarget_bias=True)
    m = ns['LmTarget'](args, 7)
    mem = torch.randn(2, 4, 6)
    tgt = torch.randint(0, 7, (2, 4))
    seg = torch.ones(2, 4, dtype=torch.long)
    loss, _, _ = m(mem, tgt, seg)
    logits = m.output_layer(mem.view(-1, 6))
    ok = close(loss, ce_target(logits, t_km1(tgt.view(-1), 7, EPS)).mean())
    args0 = _Args(hidden_size=6, prefix_lm_loss=False, has_lmtarget_bias=True)
    m0 = ns['LmTarget'](args0, 7)
    m0.output_layer = m.output_layer
    loss0, _, _ = m0(mem, tgt, seg)
    return ok and close(loss0, F.cross_entropy(logits, tgt.view(-1)))


ns = load('resnets3d__losses.py')


@check('resnets3d__losses.py::LabelSmoothingCrossEntropy')
def _():
    x, y = logits_targets()
    return close(ns['LabelSmoothingCrossEntropy'](EPS)(x, y), ref_uniform(x, y, EPS))


sys.modules.setdefault('otrans', types.ModuleType('otrans'))
sys.modules.setdefault('otrans.data', types.ModuleType('otrans.data'))
sys.modules['otrans.data'].PAD = 0
ns = load('opentransformer__loss.py')


@check('opentransformer__loss.py::LabelSmoothingLoss')
def _():
    x = torch.randn(2, 5, 7)
    y = torch.randint(1, 7, (2, 5))
    y[1, -2:] = 0
    v = ns['LabelSmoothingLoss'](7, smoothing=EPS, padding_idx=0)(x, y)
    yy = y.view(-1)
    keep = yy != 0
    ref = kl_rows(F.log_softmax(x.view(-1, 7), -1), t_km1(yy, 7, EPS))[keep].sum() / keep.sum()
    return close(v, ref, 1e-4)


ns = load('yolop__loss.py', names={'smooth_BCE', 'FocalLoss'})


@check('yolop__loss.py::smooth_BCE')
def _():
    cp, cn = ns['smooth_BCE'](0.1)
    y = torch.tensor([0., 1.])
    s = torch.where(y > 0, torch.tensor(cp), torch.tensor(cn))
    return close(s, y * (1 - 0.1) + 0.1 / 2) and ns['smooth_BCE'](eps=0.0) == (1.0, 0.0)


@check('yolop__loss.py::MultiHeadLoss')
def _():
    # MultiHeadLoss calls smooth_BCE(eps=0.0): class targets are plain 1/0
    return ns['smooth_BCE'](eps=0.0) == (1.0, 0.0)


@check('yolop__loss.py::FocalLoss')
def _():
    x = torch.randn(6, 3)
    t = torch.randint(0, 2, (6, 3)).float()
    v = ns['FocalLoss'](nn.BCEWithLogitsLoss(), gamma=0.0, alpha=0.5)(x, t)
    return close(v, 0.5 * F.binary_cross_entropy_with_logits(x, t))


sys.modules.setdefault('neural_sp', types.ModuleType('neural_sp'))
ns = load('neural_sp__criterion.py', names={'cross_entropy_lsm', 'distillation', 'kldiv_lsm_ctc', 'focal_loss'})


@check('neural_sp__criterion.py::cross_entropy_lsm')
def _():
    x = torch.randn(2, 5, 7)
    y = torch.randint(1, 7, (2, 5))
    y[0, -1] = -1
    v, _ = ns['cross_entropy_lsm'](x, y, EPS, -1, True, normalize_length=True)
    yy = y.view(-1)
    keep = yy != -1
    ok = close(v, ce_target(x.view(-1, 7), t_km1(yy.clamp_min(0), 7, EPS))[keep].mean())
    v0, _ = ns['cross_entropy_lsm'](x, y, EPS, -1, False, normalize_length=True)
    return ok and close(v0, F.cross_entropy(x.view(-1, 7), yy, ignore_index=-1))


@check('neural_sp__criterion.py::distillation')
def _():
    s = torch.randn(2, 4, 7)
    t = torch.randn(2, 4, 7)
    yl = torch.tensor([4, 4])
    v = ns['distillation'](s, t, yl, temperature=1.0)
    return close(v, ce_target(s.view(-1, 7), F.softmax(t.view(-1, 7), -1)).mean())


@check('neural_sp__criterion.py::kldiv_lsm_ctc')
def _():
    s = torch.randn(2, 4, 7)
    yl = torch.tensor([4, 4])
    v = ns['kldiv_lsm_ctc'](s, yl)
    p = F.softmax(s, -1)
    ref = (p * (torch.log(p) - math.log(1 / 6))).sum(-1).mean()  # KL(p || U_{1/(V-1)}): no target at all
    return close(v, ref, 1e-4)


@check('neural_sp__criterion.py::focal_loss')
def _():
    s = torch.randn(2, 4, 7)
    y = torch.randint(0, 7, (2, 4))
    yl = torch.tensor([4, 4])
    v1 = ns['focal_loss'](s, y, yl, 1.0, 0.0)
    v2 = ns['focal_loss'](s, torch.zeros_like(y), yl, 1.0, 0.0)
    # ys is never read: with gamma=0 this is mean_rows sum_k -log p_k (uniform-target CE times K)
    ref = (-F.log_softmax(s, -1)).sum(-1).mean()
    return close(v1, v2) and close(v1, ref, 1e-4)


ns = load('asl__losses.py')


@check('asl__losses.py::ASLSingleLabel')
def _():
    x, y = logits_targets()
    v = ns['ASLSingleLabel'](gamma_pos=0, gamma_neg=0, eps=EPS)(x, y)
    ok = close(v, ref_uniform(x, y, EPS))
    v4 = ns['ASLSingleLabel'](eps=EPS)(x, y)  # default gamma_neg=4: focusing weight, target still uniform
    p = F.softmax(x, -1)
    oh = F.one_hot(y, 7).float()
    w = torch.pow(1 - p * oh - (1 - p) * (1 - oh), 4 * (1 - oh))
    ref4 = (-(t_uniform(y, 7, EPS) * F.log_softmax(x, -1) * w).sum(-1)).mean()
    return ok and close(v4, ref4, 1e-4)


@check('asl__losses.py::AsymmetricLoss')
def _():
    x = torch.randn(5, 4)
    t = torch.randint(0, 2, (5, 4)).float()
    v = ns['AsymmetricLoss'](gamma_neg=0, gamma_pos=0, clip=0)(x, t)
    v2 = ns['AsymmetricLossOptimized'](gamma_neg=0, gamma_pos=0, clip=0)(x, t)
    ref = F.binary_cross_entropy_with_logits(x, t, reduction='sum')
    return close(v, ref, 1e-4) and close(v2, ref, 1e-4)


RES['asl__losses.py::AsymmetricLossOptimized'] = RES['asl__losses.py::AsymmetricLoss']

ns = load('sam__smooth_cross_entropy.py')


@check('sam__smooth_cross_entropy.py::smooth_crossentropy')
def _():
    x, y = logits_targets()
    return close(ns['smooth_crossentropy'](x, y, EPS), kl_rows(F.log_softmax(x, 1), t_km1(y, 7, EPS)), 1e-4)


ns = load('edouard99_gan__basic_functions.py', names={'BCEsmooth'})


@check('edouard99_gan__basic_functions.py::BCEsmooth')
def _():
    p = torch.rand(10).clamp(0.05, 0.95)
    y = torch.randint(0, 2, (10,)).float()
    return close(ns['BCEsmooth'](p, y, 'cpu'), F.binary_cross_entropy(p, y * 0.9 + 0.05))


# MachineLP: F is never imported in the source file; the check supplies torch.nn.functional as F
ns = load('machinelp_classifier__ce_label_smoothing.py')


@check('machinelp_classifier__ce_label_smoothing.py::CrossEntropyLossWithLabelSmoothing')
def _():
    x, y = logits_targets()
    return close(ns['CrossEntropyLossWithLabelSmoothing'](7, ls_=0.9)(x, y), ref_uniform(x, y, 0.1))


ns = load('fgvc__LabelSmooth.py')


@check('fgvc__LabelSmooth.py::LabelSmoothCELoss')
def _():
    x, y = logits_targets()
    return close(ns['LabelSmoothCELoss']()(x, y), ref_uniform(x, y, 0.4), 1e-4)


ns = load('resnest__loss.py', names={'LabelSmoothing', 'NLLMultiLabelSmooth'})


@check('resnest__loss.py::LabelSmoothing')
def _():
    x, y = logits_targets()
    return close(ns['LabelSmoothing'](EPS)(x, y), ref_uniform(x, y, EPS))


@check('resnest__loss.py::NLLMultiLabelSmooth')
def _():
    x, y = logits_targets()
    m = ns['NLLMultiLabelSmooth'](EPS).train()
    t = 0.7 * F.one_hot(y, 7).float() + 0.3 * F.one_hot(y.roll(1), 7).float()
    ok = close(m(x, t), ce_target(x, 0.9 * t + EPS / 7).mean())
    ok2 = close(m(x, F.one_hot(y, 7).float()), ref_uniform(x, y, EPS))
    m.eval()
    ok3 = close(m(x, t), ce_target(x, t).mean())  # eval: F.cross_entropy with a probability target
    return ok and ok2 and ok3


# ---------------------------------------------------------------- negatives
ns = load('holocron__functional.py', names={'focal_loss', 'multilabel_cross_entropy', 'complement_cross_entropy',
                                           'mutual_channel_loss', 'poly_loss', 'dice_loss'})


@check('holocron__functional.py::focal_loss')
def _():
    x, y = logits_targets()
    return close(ns['focal_loss'](x, y, gamma=0.0), F.cross_entropy(x, y))


@check('holocron__functional.py::multilabel_cross_entropy')
def _():
    x, _ = logits_targets()
    t = torch.softmax(torch.randn(8, 7), -1)
    return close(ns['multilabel_cross_entropy'](x, t), ce_target(x, t).mean())


@check('holocron__functional.py::complement_cross_entropy')
def _():
    x, y = logits_targets()
    ok0 = close(ns['complement_cross_entropy'](x, y, gamma=0), F.cross_entropy(x, y))
    v = ns['complement_cross_entropy'](x, y, gamma=-1)
    p = F.softmax(x, 1)
    py = p[torch.arange(8), y].unsqueeze(1)
    q = p / (1 - py)
    h = -(q * torch.log(q))
    h[torch.arange(8), y] = 0
    comp = -(h.sum(1) / 6).mean()  # -1/(K-1) * sum_{j != y} q_j log q_j (sign as in source), not a target
    return ok0 and close(v, F.cross_entropy(x, y) + (-1) * (-comp), 1e-4)


@check('holocron__functional.py::poly_loss')
def _():
    x, y = logits_targets()
    ce = F.cross_entropy(x, y, reduction='none')
    return close(ns['poly_loss'](x, y, eps=2.0), (ce + 2.0 * (1 - torch.exp(-ce))).mean(), 1e-4)


@check('holocron__functional.py::mutual_channel_loss')
def _():
    torch.manual_seed(1)
    x = torch.randn(4, 6, 3, 3)
    y = torch.randint(0, 3, (4, 3, 3))
    v = ns['mutual_channel_loss'](x, y, xi=2, alpha=0.0)
    torch.manual_seed(1)
    return torch.isfinite(v).item()


RES['holocron__functional.py::mutual_channel_loss'] = RES['holocron__functional.py::mutual_channel_loss']

# holocron modules wrap the functional ones (holocron.nn.functional stubbed with the saved functional.py)
hf = types.ModuleType('holocron.nn.functional')
for k_ in ['focal_loss', 'multilabel_cross_entropy', 'complement_cross_entropy', 'mutual_channel_loss', 'poly_loss',
           'dice_loss']:
    setattr(hf, k_, ns[k_])
ns_hl = load('holocron__loss.py', inject={'F': hf})


@check('holocron__loss.py::ComplementCrossEntropy')
def _():
    x, y = logits_targets()
    return close(ns_hl['ComplementCrossEntropy'](gamma=0)(x, y), F.cross_entropy(x, y))


@check('holocron__loss.py::FocalLoss')
def _():
    x, y = logits_targets()
    return close(ns_hl['FocalLoss'](gamma=0.0)(x, y), F.cross_entropy(x, y))


@check('holocron__loss.py::PolyLoss')
def _():
    x, y = logits_targets()
    return close(ns_hl['PolyLoss'](eps=0.0)(x, y), F.cross_entropy(x, y), 1e-4)


@check('holocron__loss.py::MultiLabelCrossEntropy')
def _():
    x, _ = logits_targets()
    t = torch.softmax(torch.randn(8, 7), -1)
    return close(ns_hl['MultiLabelCrossEntropy']()(x, t), ce_target(x, t).mean())


@check('holocron__loss.py::ClassBalancedWrapper')
def _():
    x, y = logits_targets()
    n = torch.arange(1, 8).float() * 10
    m = ns_hl['ClassBalancedWrapper'](nn.CrossEntropyLoss(), n, beta=0.99)
    w = (1 - 0.99) / (1 - 0.99 ** n)
    return close(m(x, y), F.cross_entropy(x, y, weight=w))


ns = load('supcontrast__losses.py')


@check('supcontrast__losses.py::SupConLoss')
def _():
    f = F.normalize(torch.randn(4, 2, 5), dim=-1)
    v = ns['SupConLoss'](temperature=0.5, base_temperature=0.5)(f)
    # labels=None -> SimCLR: CE of each anchor against its other view, hard target
    z = torch.cat([f[:, 0], f[:, 1]], 0)
    s = z @ z.T / 0.5
    s.fill_diagonal_(-1e9)
    tgt = torch.cat([torch.arange(4, 8), torch.arange(0, 4)])
    return close(v, F.cross_entropy(s, tgt), 1e-4)


ns = load('repdistiller__KD.py')


@check('repdistiller__KD.py::DistillKL')
def _():
    s, t = torch.randn(6, 5), torch.randn(6, 5)
    v = ns['DistillKL'](4.0)(s, t)
    return close(v, kl_rows(F.log_softmax(s / 4, 1), F.softmax(t / 4, 1)).mean() * 16, 1e-4)


ns = load('attention_transfer__utils.py', names={'distillation'})


@check('attention_transfer__utils.py::distillation')
def _():
    s, t = torch.randn(6, 5), torch.randn(6, 5)
    y = torch.randint(0, 5, (6,))
    v = ns['distillation'](s, t, y, 2.0, 0.9)
    kd = kl_rows(F.log_softmax(s / 2, 1), F.softmax(t / 2, 1)).mean() * 4
    return close(v, 0.9 * kd + 0.1 * F.cross_entropy(s, y), 1e-4)


ns = load('simclr_spijkervet__nt_xent.py', names={'NT_Xent'})


@check('simclr_spijkervet__nt_xent.py::NT_Xent')
def _():
    zi, zj = torch.randn(4, 5), torch.randn(4, 5)
    v = ns['NT_Xent'](4, 0.5, 1)(zi, zj)
    z = F.normalize(torch.cat([zi, zj]), dim=1)
    s = z @ z.T / 0.5
    s.fill_diagonal_(-1e9)
    tgt = torch.cat([torch.arange(4, 8), torch.arange(0, 4)])
    return close(v, F.cross_entropy(s, tgt), 1e-4)


# clcarwin focalloss.py: `long` (Python 2) appears in an isinstance tuple -> NameError on Python 3 unless defined
ns = load('focal_loss_pytorch__focalloss.py', inject={'long': int})


@check('focal_loss_pytorch__focalloss.py::FocalLoss')
def _():
    x, y = logits_targets()
    ok = close(ns['FocalLoss'](gamma=0)(x, y), F.cross_entropy(x, y))
    p = F.softmax(x, 1)[torch.arange(8), y]
    return ok and close(ns['FocalLoss'](gamma=2)(x, y), (-(1 - p) ** 2 * torch.log(p)).mean())


ns = load('multiclass_focal_loss__focal_loss.py')


@check('multiclass_focal_loss__focal_loss.py::FocalLoss')
def _():
    x, y = logits_targets()
    return close(ns['focal_loss'](gamma=0.0)(x, y), F.cross_entropy(x, y)) and close(
        ns['FocalLoss'](gamma=0.0)(x, y), F.cross_entropy(x, y))


RES['multiclass_focal_loss__focal_loss.py::focal_loss'] = RES['multiclass_focal_loss__focal_loss.py::FocalLoss']

ns = load('pytorch_segmentation__losses.py', names={'make_one_hot', 'CrossEntropyLoss2d', 'DiceLoss', 'FocalLoss',
                                                    'CE_DiceLoss'})


@check('pytorch_segmentation__losses.py::FocalLoss')
def _():
    x = torch.randn(2, 4, 3, 3)
    y = torch.randint(0, 4, (2, 3, 3))
    ok = close(ns['FocalLoss'](gamma=0)(x, y), F.cross_entropy(x, y))
    ok2 = close(ns['CrossEntropyLoss2d']()(x, y), F.cross_entropy(x, y))
    return ok and ok2


RES['pytorch_segmentation__losses.py::CrossEntropyLoss2d'] = RES['pytorch_segmentation__losses.py::FocalLoss']

ns = load('awesome_semseg__loss.py', names={'MixSoftmaxCrossEntropyLoss'})


@check('awesome_semseg__loss.py::MixSoftmaxCrossEntropyLoss')
def _():
    x1, x2 = torch.randn(2, 4, 3, 3), torch.randn(2, 4, 3, 3)
    y = torch.randint(0, 4, (2, 3, 3))
    v = ns['MixSoftmaxCrossEntropyLoss'](aux=True, aux_weight=0.2)((x1, x2), y)['loss']
    return close(v, F.cross_entropy(x1, y) + 0.2 * F.cross_entropy(x2, y))


# MixMatch SemiLoss (module-level argparse skipped; args and linear_rampup stubbed)
ns = load('mixmatch__train.py', names={'SemiLoss'},
          inject={'args': C(lambda_u=75, epochs=1024), 'linear_rampup': lambda e: 1.0})


@check('mixmatch__train.py::SemiLoss')
def _():
    x, _ = logits_targets()
    t = torch.softmax(torch.randn(8, 7), -1)
    u = torch.randn(8, 7)
    tu = torch.softmax(torch.randn(8, 7), -1)
    Lx, Lu, w = ns['SemiLoss']()(x, t, u, tu, 0)
    return close(Lx, ce_target(x, t).mean()) and close(Lu, ((F.softmax(u, 1) - tu) ** 2).mean())


ns = load('face_pytorch__centerloss.py')


@check('face_pytorch__centerloss.py::CenterLoss')
def _():
    m = ns['CenterLoss'](5, 3)
    x = torch.randn(6, 3)
    y = torch.randint(0, 5, (6,))
    return close(m(x, y), ((x - m.centers[y]) ** 2).sum(1).clamp(1e-12, 1e12).mean(), 1e-4)



ns = load('mixup_hongyi__utils.py', names={'mixup_criterion'})


@check('mixup_hongyi__utils.py::mixup_criterion')
def _():
    x, y = logits_targets()
    yb = y.roll(1)
    v = ns['mixup_criterion'](y, yb, 0.3)(nn.CrossEntropyLoss(), x)
    t = 0.3 * F.one_hot(y, 7).float() + 0.7 * F.one_hot(yb, 7).float()
    return close(v, ce_target(x, t).mean())


json.dump(RES, open(os.path.join(HERE, 'results.json'), 'w'), indent=1, sort_keys=True)
print(sum(bool(v) for v in RES.values()), 'passed of', len(RES))
