#!/usr/bin/python3
"""Numerical checks for the fresh4 held-out labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_fresh4.py
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


# ---------------------------------------------------------------- uniform
def _in21k_ls():
    ns = load('imagenet21k__losses.py', 'CrossEntropyLS')
    x, t = logits(), labels()
    return all_close((ns['CrossEntropyLS'](0.2)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)),
                     (ns['CrossEntropyLS']()(x, t), F.cross_entropy(x, t, label_smoothing=0.2)))


def _in21k_semantic():
    ns = load('imagenet21k__semantic_loss.py', 'SemanticSoftmaxLoss')
    sizes, weights, eps = [3, 5, 4], [1.0, 0.5, 2.0], 0.1
    proc = types.SimpleNamespace(
        args=types.SimpleNamespace(label_smooth=eps), normalization_factor_list=weights,
        split_logits_to_semantic_logits=lambda z: list(torch.split(z, sizes, dim=1)),
        convert_targets_to_semantic_targets=lambda y: y)
    x = logits(8, sum(sizes))
    y = torch.stack([torch.randint(-1, s, (8,)) for s in sizes], 1)  # -1: no label at that hierarchy level
    crit = ns['SemanticSoftmaxLoss'](proc)
    got = crit(x, y)
    ref = 0
    for xi, yi, w in zip(torch.split(x, sizes, dim=1), y.T, weights):
        per = F.cross_entropy(xi, yi.clamp(min=0), label_smoothing=eps, reduction='none') * (yi >= 0)
        ref = ref + w * per.mean()  # rows without a label count in the batch mean with 0
    crit.eval()
    ok, d = all_close((got, ref))
    return ok and crit(x, y) == 0, f'per level: CE(label_smoothing=e) masked where the level has no label, batch mean, weighted sum: {d}; eval(): 0'


def _bagoftricks():
    ns = load('bagoftricks__LabelSmoothing.py', 'LSR')
    x, t = logits(), labels()
    return all_close((ns['LSR'](e=0.1)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['LSR'](e=0.3, reduction='sum')(x, t), F.cross_entropy(x, t, label_smoothing=0.3, reduction='sum')),
                     tol=1e-6)


def _hysts_ns():
    yacs = types.SimpleNamespace(config=types.SimpleNamespace(CfgNode=object))
    return load('hystsimgcls__label_smoothing.py', 'onehot_encoding', 'cross_entropy_loss', 'LabelSmoothingLoss',
                ns=base_ns(yacs=yacs))


def _hysts_ls():
    ns = _hysts_ns()
    cfg = types.SimpleNamespace(dataset=types.SimpleNamespace(n_classes=7),
                                augmentation=types.SimpleNamespace(label_smoothing=types.SimpleNamespace(epsilon=0.1)))
    x, t = logits(), labels()
    return all_close((ns['LabelSmoothingLoss'](cfg, reduction='mean')(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                     (ns['LabelSmoothingLoss'](cfg, reduction='none')(x, t),
                      F.cross_entropy(x, t, label_smoothing=0.1, reduction='none')))


def _hysts_soft_ce():
    ns = _hysts_ns()
    x, q = logits(), F.softmax(torch.randn(6, 7), -1)
    return all_close((ns['cross_entropy_loss'](x, q, 'mean'), soft_ce(x, q).mean()))


def _cluener_ls():
    ns = load('cluener__label_smoothing.py', 'LabelSmoothingCrossEntropy')
    x, t = logits(), labels()
    crit = ns['LabelSmoothingCrossEntropy']()
    ok, d = all_close((crit(x, t), F.cross_entropy(x, t, label_smoothing=0.1)),
                      (ns['LabelSmoothingCrossEntropy'](eps=0.2, reduction='sum')(x, t),
                       F.cross_entropy(x, t, label_smoothing=0.2, reduction='sum')))
    t2 = t.clone()
    t2[0] = -100
    off = (crit(x, t2) - F.cross_entropy(x, t2, label_smoothing=0.1, ignore_index=-100)).abs().item()
    return ok, f'{d}; with an ignored row the eps/K part still counts it (differs from torch by {off:.3g})'


def _mttutorial():
    from torch.nn.utils.rnn import pack_padded_sequence
    ns = load('mttutorial__model.py', 'LabelSmoothedCE',
              ns=base_ns(pack_padded_sequence=pack_padded_sequence, device=torch.device('cpu')))
    n, L, V = 4, 5, 9
    x, y = torch.randn(n, L, V), torch.randint(0, V, (n, L))
    lengths = torch.tensor([5, 3, 4, 1])
    got = ns['LabelSmoothedCE'](eps=0.1)(x, y, lengths)
    keep = torch.arange(L)[None, :] < lengths[:, None]
    ref = F.cross_entropy(x[keep], y[keep], label_smoothing=0.1)
    return all_close((got, ref))


def _gnmt():
    ns = load('gnmt__smoothing.py', 'LabelSmoothing')
    x, t = logits(10, 9), torch.randint(0, 9, (10,))
    t[[1, 4]] = 0
    got = ns['LabelSmoothing'](padding_idx=0, smoothing=0.1)(x, t)
    ref = F.cross_entropy(x, t, ignore_index=0, label_smoothing=0.1, reduction='sum')
    ok, d = all_close((got, ref), tol=1e-5)
    return ok, f'sum over non-pad rows of CE(label_smoothing=e) (log_softmax in float32 in the code): {d}'


# ---------------------------------------------------------------- k_minus_1
def _tunz():
    ns = load('tunztransformer__utils.py', 'get_loss')
    x, t = logits(10, 9), torch.randint(0, 9, (10,))
    t[[2, 5]] = 0
    got = ns['get_loss'](x, t, 9, 0.1, 0)
    q = km1_target(t, 9, 0.1)
    kl = kl_rows(q, F.log_softmax(x, -1))
    ok, d = all_close((got, kl[t != 0].mean()))
    return ok, f'mean over non-pad rows of KL(q||p), q = 1-e / e/(K-1) (the CE minus its constant entropy): {d}'


# ---------------------------------------------------------------- binary / other
def _trl_dpo():
    ns = base_ns(FDivergenceType=types.SimpleNamespace(ALPHA_DIVERGENCE=types.SimpleNamespace(value='alpha_divergence'),
                                                       JS_DIVERGENCE=types.SimpleNamespace(value='js_divergence')))
    fn = load_method('trl__dpo_trainer.py', 'DPOTrainer', 'dpo_loss', ns)
    pc, pr, rc, rr = (torch.randn(8) * 3 for _ in range(4))
    outs = []
    for ls in (0.1, 0.0):
        me = types.SimpleNamespace(accelerator=types.SimpleNamespace(device='cpu'), reference_free=False,
                                   f_divergence_type='reverse_kl', f_divergence_params=None, loss_type='sigmoid',
                                   beta=0.1, label_smoothing=ls)
        losses = fn(me, pc, pr, rc, rr)[0]
        z = 0.1 * ((pc - pr) - (rc - rr))
        # target 1 - ls on the "chosen wins" event = t*(1-a) + a/2 with t = 1, a = 2*ls
        ref = F.binary_cross_entropy_with_logits(z, torch.full_like(z, 1 - ls), reduction='none')
        outs.append((losses, ref))
    ok, d = all_close(*outs)
    return ok, f'sigmoid loss: BCE-with-logits(beta*logits, 1-ls) (binary with a = 2*ls on the all-ones target), ls=0.1 and the default 0: {d}'


def _elad_ns():
    ns = load('eladutils/misc.py', 'onehot')
    return load('eladutils/cross_entropy.py', '_is_long', 'cross_entropy', 'CrossEntropyLoss', 'binary_cross_entropy',
                'BCELoss', 'BCEWithLogitsLoss', ns=ns)


def _elad_ce():
    ns = _elad_ns()
    x, t = logits(), labels()
    e, k = 0.1, 7
    q = (1 - e) * onehot(t, k) + e / k * (1 - onehot(t, k))  # true class 1-e, others e/K: sums to 1 - e/K
    got = ns['cross_entropy'](x, t, smooth_eps=e)
    got_cls = ns['CrossEntropyLoss'](smooth_eps=e)(x, t)
    ok, d = all_close((got, soft_ce(x, q).mean()), (got_cls, soft_ce(x, q).mean()))
    off = (got - F.cross_entropy(x, t, label_smoothing=e)).abs().item()
    return ok, f'-(q*log p) with q = 1-e at the label and e/K elsewhere (unnormalised, sum 1-e/K): {d}; differs from uniform by {off:.3g}'


def _elad_bce():
    ns = _elad_ns()
    # the code casts the target with .float(): float32 inputs here
    p = (torch.rand(6, 5) * 0.98 + 0.01).float()
    y = (torch.rand(6, 5) > 0.5).float()
    e = 0.1
    got = ns['binary_cross_entropy'](p, y.clone(), smooth_eps=e)
    got_cls = ns['BCELoss'](smooth_eps=e)(p, y.clone())
    ref = F.binary_cross_entropy(p, (y + e) / 2)
    ok, d = all_close((got, ref), (got_cls, ref), tol=1e-6)
    return ok, f'BCE against (t + e)/2: a positive label becomes {(1 + e) / 2:.2f}, a negative {e / 2:.2f} (not t(1-a)+a/2 for one a): {d}'


def _compgcn():
    from torch.utils.data import Dataset
    ns = load('compgcn/data_loader.py', 'TrainDataset', ns=base_ns(Dataset=Dataset))
    triples = [{'triple': [0, 1, 2], 'label': [2, 5]}, {'triple': [3, 0, 1], 'label': [1]}]
    ds = ns['TrainDataset'](triples, 7, 0.1)
    plain = ns['TrainDataset'](triples, 7, 0.0)
    got = torch.as_tensor(ds[0][1])
    y = torch.zeros(7)
    y[[2, 5]] = 1
    ok, d = all_close((got, 0.9 * y + 1 / 7), (torch.as_tensor(plain[0][1]), y), tol=1e-6)
    return ok, f'multi-label target (1-e)*y + 1/num_ent (not e/num_ent), float32 in the code; lbl_smooth=0 keeps y: {d}'


# ---------------------------------------------------------------- soft_target
def _hysts_mixup():
    ns = load('hystsimgcls__mixup.py', 'MixupLoss')
    x, a, b, lam = logits(), labels(), labels(), 0.3
    got = ns['MixupLoss'](reduction='mean')(x, (a, b, lam))
    q = lam * onehot(a, 7) + (1 - lam) * onehot(b, 7)
    return all_close((got, soft_ce(x, q).mean()))


def _distiller():
    PolicyLoss = lambda overall, comps: (overall, comps)  # noqa: E731
    ns = base_ns(PolicyLoss=PolicyLoss, LossComponent=lambda name, v: (name, v))
    fn = load_method('distiller__knowledge_distillation.py', 'KnowledgeDistillationPolicy', 'before_backward_pass', ns)
    s, t, T = logits(), logits(), 4.0
    me = types.SimpleNamespace(active=True, last_students_logits=s, last_teacher_logits=t, temperature=T,
                               loss_wts=types.SimpleNamespace(student=0.5, distill=0.5))
    hard = torch.tensor(1.7)
    overall, _ = fn(me, None, 0, 0, 1, hard, None)
    q = F.softmax(t / T, 1)
    ref = 0.5 * hard + 0.5 * T * T * kl_rows(q, F.log_softmax(s / T, 1)).mean()
    return all_close((overall, ref))


def _ssl4mis_kl():
    ns = load('ssl4mis__losses.py', 'softmax_kl_loss', 'compute_kl_loss')
    x, z = torch.randn(2, 4, 3, 3), torch.randn(2, 4, 3, 3)
    got = ns['softmax_kl_loss'](x, z)
    q = F.softmax(z, 1)
    ref = (torch.xlogy(q, q) - q * F.log_softmax(x, 1)).mean()  # elementwise mean of the KL terms
    return all_close((got, ref))


def _ssl4mis_sym_kl():
    ns = load('ssl4mis__losses.py', 'compute_kl_loss')
    a, b = logits(), logits()
    sym = ns['compute_kl_loss'](a, b)
    pa, pb = F.softmax(a, -1), F.softmax(b, -1)
    ref_sym = ((torch.xlogy(pb, pb) - pb * F.log_softmax(a, -1)).mean()
               + (torch.xlogy(pa, pa) - pa * F.log_softmax(b, -1)).mean()) / 2
    return all_close((sym, ref_sym))


# ---------------------------------------------------------------- none
def _focal_ce(fname, cls, **kw):
    def run():
        ns = load(fname, cls)
        x, t = logits(), labels()
        p_t = F.softmax(x, 1).gather(1, t[:, None]).squeeze(1)
        ce = F.cross_entropy(x, t, reduction='none')
        g0 = ns[cls](gamma=0, **kw)(x, t)
        g2 = ns[cls](gamma=2, **kw)(x, t)
        ok, d = all_close((g0, ce.mean()), (g2, ((1 - p_t) ** 2 * ce).mean()))
        return ok, f'gamma=0: plain CE; gamma=2: (1-p_t)^2-weighted CE on the hard label: {d}'
    return run


def _logitnorm():
    ns = load('logitnorm__loss_function.py', 'LogitNormLoss')
    x, t = logits(), labels()
    got = ns['LogitNormLoss']('cpu', t=0.04)(x, t)
    ref = F.cross_entropy(x / (x.norm(dim=-1, keepdim=True) + 1e-7) / 0.04, t)
    return all_close((got, ref))


def _unet3d_wce():
    ns = load('pytorch3dunet__losses.py', 'flatten', 'WeightedCrossEntropyLoss')
    x, t = torch.randn(2, 4, 3, 5), torch.randint(0, 4, (2, 3, 5))
    got = ns['WeightedCrossEntropyLoss']()(x, t)
    p = F.softmax(x, 1).transpose(0, 1).reshape(4, -1)
    w = (1 - p).sum(-1) / p.sum(-1)
    return all_close((got, F.cross_entropy(x, t, weight=w)))


def main():
    check('imagenet21k__losses.py', 'CrossEntropyLS', _in21k_ls)
    check('imagenet21k__semantic_loss.py', 'SemanticSoftmaxLoss', _in21k_semantic)
    check('bagoftricks__LabelSmoothing.py', 'LSR', _bagoftricks)
    check('hystsimgcls__label_smoothing.py', 'LabelSmoothingLoss', _hysts_ls)
    check('hystsimgcls__label_smoothing.py', 'cross_entropy_loss', _hysts_soft_ce)
    check('cluener__label_smoothing.py', 'LabelSmoothingCrossEntropy', _cluener_ls)
    check('mttutorial__model.py', 'LabelSmoothedCE', _mttutorial)
    check('gnmt__smoothing.py', 'LabelSmoothing', _gnmt)
    check('tunztransformer__utils.py', 'get_loss', _tunz)
    check('trl__dpo_trainer.py', 'DPOTrainer.dpo_loss', _trl_dpo)
    check('eladutils/cross_entropy.py', 'cross_entropy', _elad_ce)
    check('eladutils/cross_entropy.py', 'binary_cross_entropy', _elad_bce)
    check('compgcn/data_loader.py', 'TrainDataset.__getitem__', _compgcn)
    check('hystsimgcls__mixup.py', 'MixupLoss', _hysts_mixup)
    check('distiller__knowledge_distillation.py', 'KnowledgeDistillationPolicy.before_backward_pass', _distiller)
    check('ssl4mis__losses.py', 'softmax_kl_loss', _ssl4mis_kl)
    check('ssl4mis__losses.py', 'compute_kl_loss', _ssl4mis_sym_kl)
    check('cluener__focal_loss.py', 'FocalLoss', _focal_ce('cluener__focal_loss.py', 'FocalLoss'))
    check('deeplabv3plus__loss.py', 'FocalLoss', _focal_ce('deeplabv3plus__loss.py', 'FocalLoss'))
    check('ssl4mis__losses.py', 'FocalLoss', _focal_ce('ssl4mis__losses.py', 'FocalLoss'))
    check('logitnorm__loss_function.py', 'LogitNormLoss', _logitnorm)
    check('pytorch3dunet__losses.py', 'WeightedCrossEntropyLoss', _unet3d_wce)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
