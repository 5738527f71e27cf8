#!/usr/bin/python3
"""Numerical checks for the fresh3 held-out labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_fresh3.py
Each check pulls the named top-level classes/functions out of the saved corpus file (by name, via ast; decorators
of top-level definitions dropped), executes them in a namespace with small stubs for project-internal names, feeds
random float64 logits/targets and compares the code's loss with the reference of the labelled convention:
uniform -> F.cross_entropy(label_smoothing=eps) or the explicit (1-eps)*onehot + eps/K target, k_minus_1 -> the
explicit 1-eps / eps/(K-1) target, k_minus_2_padding -> eps/(K-2) with the padding column and padding rows zeroed,
binary -> BCE against t*(1-a) + a/2, other -> the explicit label/prediction mixture, soft_target -> the given
distribution, none -> plain CE / BCE. Prints PASS/FAIL per check and writes results.json next to this file.
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

# unconditional .cuda() calls in the corpus code: no-ops on this CPU-only machine
torch.Tensor.cuda = lambda self, *a, **k: self
nn.Module.cuda = lambda self, *a, **k: self


def base_ns(**extra):
    import typing
    ns = dict(torch=torch, nn=nn, F=F, np=np, math=math, Tensor=torch.Tensor, Optional=typing.Optional,
              Dict=typing.Dict, List=typing.List, Tuple=typing.Tuple, Any=typing.Any)
    ns.update(extra)
    return ns


def load(fname, *names, ns=None):
    """exec the named top-level defs/classes of a corpus file into ns."""
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    ns = base_ns() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
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


def uniform_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / k


def km1_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))


def soft_ce(x, q):
    return -(q * F.log_softmax(x, -1)).sum(-1)


def kl(q, logp):
    return torch.xlogy(q, q) - q * logp


# ---------------------------------------------------------------- uniform
def _wsrnas():
    ns = load('wsrnas__loss.py', 'CrossEntropyLabelSmooth')
    x, t = logits(), labels()
    got = ns['CrossEntropyLabelSmooth'](7, 0.1)(x, t)
    return all_close((got, F.cross_entropy(x, t, label_smoothing=0.1)))


def _pytorchtips():
    ns = load('pytorchtips__labelsmoothing.py', 'LabelSmoothingCrossEntropyLoss')
    x, t = logits(), labels()
    got = ns['LabelSmoothingCrossEntropyLoss'](0.2)(x, t)
    return all_close((got, F.cross_entropy(x, t, label_smoothing=0.2)))


def _kozistr_bce():
    ns = load('pytorchoptimizer__cross_entropy.py', 'BCELoss', ns=base_ns(binary_cross_entropy=F.binary_cross_entropy))
    p, y = torch.rand(6, 5) * 0.98 + 0.01, (torch.rand(6, 5) > 0.5).to(DT)
    crit = ns['BCELoss'](label_smooth=0.1)
    train = crit(p, y)
    ref = F.binary_cross_entropy(p, 0.9 * y + 0.1 / 5)
    crit.eval()
    ev = crit(p, y)
    ok, d = all_close((train, ref), (ev, F.binary_cross_entropy(p, y)))
    return ok, f'train: BCE vs (1-e)y + e/K (K = last dim): {d}; eval: plain BCE'


def _kozistr_bcefocal():
    ns = load('pytorchoptimizer__cross_entropy.py', 'BCELoss', ns=base_ns(binary_cross_entropy=F.binary_cross_entropy))
    load('pytorchoptimizer__focal.py', 'BCEFocalLoss', ns=ns)
    p, y = torch.rand(6, 5) * 0.98 + 0.01, (torch.rand(6, 5) > 0.5).to(DT)
    got = ns['BCEFocalLoss'](alpha=0.25, gamma=2.0, label_smooth=0.1)(p, y)
    bce = F.binary_cross_entropy(p, 0.9 * y + 0.1 / 5, reduction='none')  # the sibling BCELoss, smoothed target
    ref = (y * 0.25 * (1 - p) ** 2 * bce + (1 - y) ** 2 * bce).mean()  # the focal weights use the raw targets
    ok, d = all_close((got, ref))
    return ok, f'focal weights on BCE against (1-e)y + e/K (K = last dim) through the sibling BCELoss: {d}'


def _oml_fn():
    ns = load('oml__label_smoothing.py', 'label_smoothing')
    t = labels()
    got = ns['label_smoothing'](t, 7, 0.2)
    ok, d = all_close((got, uniform_target(t, 7, 0.2)), tol=1e-6)
    return ok, f'(1-e)*onehot + e/K (float32 in the code): {d}'


def _oml_arcface(with_mlp):
    def run():
        ns = load('oml__label_smoothing.py', 'label_smoothing')
        ns['MLP'] = lambda in_features, feats: nn.Identity()
        load('oml__arcface.py', 'ArcFaceLoss', 'ArcFaceLossWithMLP', ns=ns)
        x, t = torch.randn(6, 4, dtype=torch.float32), labels()  # the code's weight is a FloatTensor
        if with_mlp:
            crit = ns['ArcFaceLossWithMLP'](4, 7, [4], m=0.0, s=10.0, smoothing_epsilon=0.1)
            w = crit.arcface.weight
        else:
            crit = ns['ArcFaceLoss'](4, 7, m=0.0, s=10.0, smoothing_epsilon=0.1)
            w = crit.weight
        got = crit(x, t)
        cos = F.normalize(x) @ F.normalize(w).T
        ref = F.cross_entropy(10.0 * cos, t, label_smoothing=0.1)
        ok, d = all_close((got.detach(), ref.detach()), tol=1e-5)
        return ok, f'margin m=0: CE(s*cos, label_smoothing=e) (float32 in the code): {d}'
    return run


def _gecdi():
    ns = load('gecdi__criterion.py', 'CrossEntropyLoss')
    x, t = logits(), labels()
    crit = ns['CrossEntropyLoss'](label_smoothing=0.1)
    train = crit(x, t)
    crit.eval()
    ok, d = all_close((train, F.cross_entropy(x, t, label_smoothing=0.1)), (crit(x, t), F.cross_entropy(x, t)))
    return ok, f'train: torch label_smoothing; eval: plain CE: {d}'


def _torchline(symbol):
    def run():
        ns = load('torchline__loss.py', 'CrossEntropy', 'CrossEntropyLabelSmooth', '_CrossEntropyLabelSmooth')
        x, t = logits(), labels()
        if symbol == '_CrossEntropyLabelSmooth':
            return all_close((ns[symbol](0.1)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)))
        if symbol == 'CrossEntropy':
            cfg = types.SimpleNamespace(loss=types.SimpleNamespace(class_weight=None))
            return all_close((ns[symbol](cfg)(x, t), F.cross_entropy(x, t)))
        with_eps = types.SimpleNamespace(loss=types.SimpleNamespace(label_smoothing=0.2))
        without = types.SimpleNamespace(loss=types.SimpleNamespace())
        ok, d = all_close((ns[symbol](with_eps)(x, t), F.cross_entropy(x, t, label_smoothing=0.2)),
                          (ns[symbol](without)(x, t), F.cross_entropy(x, t, label_smoothing=0.1)))
        return ok, f'cfg.loss.label_smoothing=0.2, and the 0.1 fallback when the config has none: {d}'
    return run


def _torchline_focal(symbol):
    def run():
        ns = load('torchline__focal_loss.py', 'FocalLoss', '_FocalLoss')
        x, t = logits(), labels()
        if symbol == 'FocalLoss':
            focal = types.SimpleNamespace(alpha=0.25, gamma=0, size_average=True)
            cfg = types.SimpleNamespace(loss=types.SimpleNamespace(focal_loss=focal), model=types.SimpleNamespace(classes=7))
            crit = ns[symbol](cfg)
        else:
            crit = ns[symbol](0.25, 0, 7)
        ok, d = all_close((crit(x, t), (0.25 + 1e-5) * F.cross_entropy(x, t)))
        p_t = F.softmax(x, 1).gather(1, t[:, None]).squeeze(1)
        ref2 = ((0.25 + 1e-5) * (1 - p_t) ** 2 * F.cross_entropy(x, t, reduction='none')).mean()
        ok2, d2 = all_close((ns['_FocalLoss'](0.25, 2, 7)(x, t), ref2))
        return ok and ok2, f'gamma=0: (alpha + 1e-5)*CE on hard labels ({d}); gamma=2: (1-p_t)^2 weights ({d2})'
    return run


def _suncet_labels():
    ns = load('suncet__losses.py', 'make_labels_matrix')
    k, eps = 5, 0.1
    m = ns['make_labels_matrix'](k, 3, 1, 'cpu', smoothing=eps)
    rows = torch.arange(m.shape[0]) % k  # ClassStratifiedSampler order: row i holds class i % K
    return all_close((m, uniform_target(rows, k, eps)))


# ---------------------------------------------------------------- k_minus_1
def _sptcode():
    ns = load('sptcode__label_smoothing.py', 'LabelSmoothingCrossEntropyLoss')
    x, t = logits(), labels()
    got = ns['LabelSmoothingCrossEntropyLoss'](7, smoothing=0.1)(x, t)
    return all_close((got, soft_ce(x, km1_target(t, 7, 0.1)).mean()))


def _noisevalidation():
    ns = load('noisevalidation__smoothing.py', 'LabelSmoothLoss')
    x, t = logits(), labels()
    got = ns['LabelSmoothLoss'](smoothing=0.1)(x, t)
    default = ns['LabelSmoothLoss']()(x, t)
    return all_close((got, soft_ce(x, km1_target(t, 7, 0.1)).mean()),
                     (default, soft_ce(x, km1_target(t, 7, 0.05)).mean()))


class _Loader(list):
    """A list of batches with the `.dataset` the training script divides by."""

    @property
    def dataset(self):
        return [None] * sum(len(b[1]) for b in self)


def _noisevalidation_train(kind):
    def run():
        ns = load('noisevalidation__smoothing.py', 'LabelSmoothLoss')
        load('noisevalidation__train_mnist_smoothing.py', 'train', 'validate', 'test', ns=ns)
        model = nn.Linear(4, 10)
        batches = _Loader((torch.randn(5, 4), labels(5, 10)) for _ in range(3))
        with torch.no_grad():
            outs = [model(x) for x, _ in batches]
        if kind == 'train':
            opt = torch.optim.SGD(model.parameters(), lr=0.0)  # lr 0: the model stays fixed across batches
            losses, _ = ns['train'](model, batches, opt, 1, 'cpu', [], [])
            ref = torch.stack([soft_ce(o, km1_target(t, 10, 0.1)).mean() for o, (_, t) in zip(outs, batches)]).mean()
            ok, d = all_close((losses[-1], ref))
            return ok, f'train (lr=0, epoch 1): mean of the batch losses vs K-1 target, e=0.1: {d}'
        losses, _ = ns['validate'](model, batches, 'cpu', [], [])
        ref = torch.stack([F.cross_entropy(o, t) for o, (_, t) in zip(outs, batches)]).mean()
        ok, d = all_close((losses[-1], ref))
        return ok, f'validate: plain CE: {d}'
    return run


def _synthie():
    ns = load('synthie__training_utils.py', 'label_smoothed_nll_loss')
    b, s, v, eps, pad = 2, 5, 7, 0.1, 0
    lprobs = F.log_softmax(torch.randn(b, s, v), -1)
    target = torch.randint(1, v, (b, s))
    target[0, 3:] = pad
    mask = (target != pad).to(DT)
    loss, nll = ns['label_smoothed_nll_loss'](lprobs, target.clone(), mask, eps, ignore_index=pad)
    keep = mask.bool()
    nll_ref = -lprobs.gather(-1, target.unsqueeze(-1)).squeeze(-1)[keep].sum()
    smooth_ref = -lprobs.sum(-1)[keep].sum()
    ref = ((1 - eps) * nll_ref + eps / (v - 1) * smooth_ref) / mask.sum()
    # the implied per-token target: 1 - e + e/(V-1) on the label, e/(V-1) elsewhere (mass 1 + e/(V-1))
    q = (1 - eps) * onehot(target, v) + eps / (v - 1)
    ref_q = (-(q * lprobs).sum(-1))[keep].sum() / mask.sum()
    ok, d = all_close((loss, ref), (loss, ref_q), (nll, nll_ref / mask.sum()))
    return ok, f'(1-e)*nll + e/(V-1)*sum(-logp) over non-pad tokens / tokens: {d}; target mass 1+e/(V-1) = {1 + eps / (v - 1):.4f}'


# ---------------------------------------------------------------- k_minus_2_padding
def _nernghia():
    ns = load('nernghia__label_smoothing_loss.py', 'LabelSmoothingLoss')
    k, eps, pad = 7, 0.1, 0
    x = logits(8, k)
    t = labels(8, k)
    t[[2, 5]] = pad  # two padding rows (one would squeeze the index to 0-d)
    got = ns['LabelSmoothingLoss'](k, padding_idx=pad, smoothing=eps)(x, onehot(t, k))
    q = torch.full((8, k), eps / (k - 2))
    q.scatter_(1, t.unsqueeze(1), 1 - eps)
    q[:, pad] = 0
    q[t == pad] = 0
    ref = kl(q, F.log_softmax(x, -1)).sum() / 8
    return all_close((got, ref))


# ---------------------------------------------------------------- binary
def _brainmri_real():
    ns = load('brainmri__losses.py', 'real_loss', 'fake_loss', ns=base_ns(train_on_gpu=False))
    d = torch.randn(6, 1)
    ok, diff = all_close((ns['real_loss'](d, smooth=True), F.binary_cross_entropy_with_logits(d.squeeze(), torch.full((6,), 0.9))),
                         (ns['real_loss'](d), F.binary_cross_entropy_with_logits(d.squeeze(), torch.ones(6))))
    return ok, f'smooth=True: BCE-with-logits vs 0.9 = 1*(1-a) + a/2 at a=0.2 (one-sided: the fake side stays 0); default: vs 1: {diff}'


def _brainmri_fake():
    ns = load('brainmri__losses.py', 'fake_loss', ns=base_ns(train_on_gpu=False))
    d = torch.randn(6, 1)
    return all_close((ns['fake_loss'](d), F.binary_cross_entropy_with_logits(d.squeeze(), torch.zeros(6))))


def _3dgenius(which):
    def run():
        ns = load('3dgenius__loss.py', 'real_loss', 'fake_loss', ns=base_ns(device='cpu'))
        d = torch.randn(4000, 1, dtype=torch.float32)
        lo, hi = (0.9, 1.0) if which == 'real' else (0.0, 0.1)
        torch.manual_seed(1)
        got = ns['real_loss'](d, smooth=True) if which == 'real' else ns['fake_loss'](d)
        torch.manual_seed(1)
        drawn = torch.FloatTensor(4000).uniform_(lo, hi)
        ok, diff = close(got, F.binary_cross_entropy_with_logits(d.squeeze(), drawn), tol=1e-6)
        return ok, (f'BCE-with-logits vs labels drawn from U({lo}, {hi}) (float32): max|diff|={diff:.3g}; label mean '
                    f'{drawn.mean().item():.4f}, binary t(1-a)+a/2 at a=0.1 gives {1 - 0.05 if which == "real" else 0.05}')
    return run


# ---------------------------------------------------------------- other
def _boot(kind):
    def run():
        fname, cls, beta = (('noisynids__BootHardLoss.py', 'BootHardLoss', 0.8) if kind == 'hard'
                            else ('noisynids__BootSoftLoss.py', 'BootSoftLoss', 0.95))
        ns = load(fname, cls)
        x, t = logits(), labels()
        got = ns[cls]()(x, t)
        p = F.softmax(x, 1)
        model_part = onehot(p.argmax(1), 7) if kind == 'hard' else p
        q = beta * onehot(t, 7) + (1 - beta) * model_part
        ok, d = all_close((got, soft_ce(x, q).mean()), tol=1e-6)
        return ok, f'soft CE to beta*onehot + (1-beta)*{"onehot(argmax p)" if kind == "hard" else "p"} (float32 target in the code): {d}'
    return run


def _max_entropy():
    ns = load('singlora__max_entropy.py', 'MaximumEntropyLoss')
    x = logits()
    p = F.softmax(x, 1)
    return all_close((ns['MaximumEntropyLoss']()(x), -(p * p.log()).sum(1).mean()))


# ---------------------------------------------------------------- soft_target
def _kd_rtdetr():
    ns = load('kdrtdetr__kd_losses.py', 'kl_div_loss')
    s, te, temp = logits(), logits(), 4.0
    q = F.softmax(te / temp, 1)
    return all_close((ns['kl_div_loss'](s, te, temp), kl(q, F.log_softmax(s / temp, 1)) * temp ** 2))


def _robustft():
    ns = load('robustft__distill.py', 'KnowledgeDistillationLoss')
    s, te = logits(), logits()
    q = F.softmax(te / 10, 1)
    return all_close((ns['KnowledgeDistillationLoss']()(s, te), 100 * kl(q, F.log_softmax(s / 10, 1)).sum() / 6))


def _mixup():
    ns = load('birdcall__mixup.py', 'mixup_criterion')
    x, ya, yb, lam = logits(), labels(), labels(), 0.3
    q = lam * onehot(ya, 7) + (1 - lam) * onehot(yb, 7)
    return all_close((ns['mixup_criterion'](F.cross_entropy, x, ya, yb, lam), soft_ce(x, q).mean()))


class _Identity:
    @staticmethod
    def apply(x):
        return x


def _paws():
    ns = load('suncet__losses.py', 'init_paws_loss', ns=base_ns(AllGather=_Identity, AllReduce=_Identity))
    mc, b, k, tau, big_t = 2, 3, 5, 0.1, 0.25
    loss_fn = ns['init_paws_loss'](multicrop=mc, tau=tau, T=big_t, me_max=True)
    anchors, targets_v = torch.randn((2 + mc) * b, 8), torch.randn(2 * b, 8)
    supports = torch.randn(2 * k, 8)
    lab = uniform_target(torch.arange(2 * k) % k, k, 0.1)
    loss, rloss = loss_fn(anchors, supports, lab, targets_v, supports, lab)

    def snn(q, s):
        return F.softmax(F.normalize(q) @ F.normalize(s).T / tau, 1) @ lab

    def sharpen(p):
        p = p ** (1 / big_t)
        return p / p.sum(1, keepdim=True)
    tg = sharpen(snn(targets_v, supports))
    tg = torch.cat([tg, *[0.5 * (tg[:b] + tg[b:])] * mc])
    tg[tg < 1e-4] *= 0
    probs = snn(anchors, supports)
    avg = sharpen(probs).mean(0)
    ok, d = all_close((loss, -(tg * probs.log()).sum(1).mean()), (rloss, (avg * avg.log()).sum()))
    return ok, f'soft CE to the sharpened soft-nearest-neighbour targets, plus me-max: {d}'


def _suncet():
    ns = load('suncet__losses.py', 'init_suncet_loss', ns=base_ns(AllGather=_Identity))
    k, b, temp = 3, 2, 0.5
    loss_fn = ns['init_suncet_loss'](k, b, 1, 0, temp, 'cpu')
    z = torch.randn(k * b, 8)
    y = torch.arange(k * b) % k
    lab = onehot(y, k)
    zn = F.normalize(z)
    e = torch.exp(zn @ zn.T / temp) * (1 - torch.eye(k * b))
    probs = (e / e.sum(1, keepdim=True)) @ lab
    return all_close((loss_fn(z, lab), -probs.gather(1, y.unsqueeze(1)).log().mean()))


# ---------------------------------------------------------------- none
def _simclr():
    import logging
    ns = load('suncet__losses.py', 'init_simclr_loss', ns=base_ns(AllGather=_Identity, logger=logging.getLogger()))
    b, temp = 4, 0.5
    loss_fn = ns['init_simclr_loss'](b, 1, 0, temp, 'cpu')
    z = torch.randn(2 * b, 8)
    zn = F.normalize(z)
    sim = zn @ zn.T / temp
    sim = sim.masked_fill(torch.eye(2 * b, dtype=torch.bool), float('-inf'))
    partner = torch.cat([torch.arange(b, 2 * b), torch.arange(0, b)])
    return all_close((loss_fn(z), F.cross_entropy(sim, partner)))


def _clip():
    ns = load('clipvisionnlp__clipLoss.py', 'CLIPLoss')
    a, b = torch.randn(5, 8), torch.randn(5, 8)
    lg = F.normalize(a) @ F.normalize(b).T / 0.07
    r = torch.arange(5)
    return all_close((ns['CLIPLoss']()(a, b), (F.cross_entropy(lg, r) + F.cross_entropy(lg.T, r)) / 2))


def _supcon():
    ns = load('ascension__loss.py', 'SupConLoss')
    f, y = torch.randn(8, 6), torch.tensor([0, 0, 1, 1, 2, 2, 0, 1])
    fn = F.normalize(f)
    lg = (fn @ fn.T / 0.07).masked_fill(torch.eye(8, dtype=torch.bool), float('-inf'))
    logp = F.log_softmax(lg, 1)
    pos = (y[:, None] == y[None, :]) & ~torch.eye(8, dtype=torch.bool)
    ref = -(logp.masked_fill(~pos, 0).sum(1) / pos.sum(1)).mean()
    ok, d = all_close((ns['SupConLoss']()(f, y), ref))
    return ok, f'mean over anchors of -mean log-softmax over same-label positives (no class axis, no smoothing): {d}'


def _margin(fname, cls):
    def run():
        ns = load(fname, cls)
        x, t = torch.randn(6, 4, dtype=torch.float32), labels()  # the code's weight is a FloatTensor
        if cls == 'CosFaceLoss':
            cos = torch.rand(6, 7) * 2 - 1
            crit = ns[cls](s=30.0, m=0.35)
            got = crit(cos, t)
            ref = F.cross_entropy(30.0 * (cos - 0.35 * onehot(t, 7)), t)
            got0, ref0 = ns[cls](s=30.0, m=0.0)(cos, t), F.cross_entropy(30.0 * cos, t)
        else:
            crit = ns[cls](4, 7, margin=0.0, scale=15)
            got = crit(x, t)
            ref = F.cross_entropy(15 * F.normalize(x) @ F.normalize(crit.weight).T, t)
            got0, ref0 = got, ref
        ok, d = all_close((got.detach(), ref.detach()), (got0.detach(), ref0.detach()), tol=1e-5)
        return ok, f'hard-label CE on margin logits (m=0: CE(s*cos)): {d}'
    return run


def _pesr():
    ns = load('pesr__focal_loss.py', 'FocalLoss')
    x, y = torch.randn(6, 5), (torch.rand(6, 5) > 0.5).to(DT)
    p = x.sigmoid()
    w = (1 - (p * y + (1 - p) * (1 - y))) ** 2
    return all_close((ns['FocalLoss'](0)(x, y), F.binary_cross_entropy_with_logits(x, y)),
                     (ns['FocalLoss'](2)(x, y), F.binary_cross_entropy_with_logits(x, y, w)))


def _kozistr_focal():
    ns = load('pytorchoptimizer__focal.py', 'FocalLoss', ns=base_ns(binary_cross_entropy_with_logits=F.binary_cross_entropy_with_logits))
    x, y = torch.randn(6, 5), (torch.rand(6, 5) > 0.5).to(DT)
    return all_close((ns['FocalLoss'](alpha=1.0, gamma=0.0)(x, y), F.binary_cross_entropy_with_logits(x, y)))


def _kozistr_focal_cosine():
    ns = load('pytorchoptimizer__focal.py', 'FocalCosineLoss', ns=base_ns(
        cosine_embedding_loss=F.cosine_embedding_loss, cross_entropy=F.cross_entropy, normalize=F.normalize,
        one_hot=F.one_hot))
    x, t = logits(), labels()
    got = ns['FocalCosineLoss'](alpha=1.0, gamma=0.0, focal_weight=0.1)(x, t)
    ref = F.cosine_embedding_loss(x, F.one_hot(t, 7), torch.tensor([1])) + 0.1 * F.cross_entropy(F.normalize(x), t)
    return all_close((got, ref))


def _prcl_attention():
    ns = load('prcl__loss.py', 'Attention_Threshold_Loss')
    pred, lab = torch.randn(2, 5, 3, 3), torch.randint(0, 5, (2, 3, 3))
    conf = torch.ones(2, 3, 3)  # every pixel above the threshold: weighting 1
    return all_close((ns['Attention_Threshold_Loss'](0.9)(pred, lab, conf), F.cross_entropy(pred, lab)))


def main():
    checks = [
        ('wsrnas__loss.py', 'CrossEntropyLabelSmooth', _wsrnas),
        ('pytorchtips__labelsmoothing.py', 'LabelSmoothingCrossEntropyLoss', _pytorchtips),
        ('pytorchoptimizer__cross_entropy.py', 'BCELoss', _kozistr_bce),
        ('pytorchoptimizer__focal.py', 'BCEFocalLoss', _kozistr_bcefocal),
        ('pytorchoptimizer__focal.py', 'FocalLoss', _kozistr_focal),
        ('pytorchoptimizer__focal.py', 'FocalCosineLoss', _kozistr_focal_cosine),
        ('oml__label_smoothing.py', 'label_smoothing', _oml_fn),
        ('oml__arcface.py', 'ArcFaceLoss', _oml_arcface(False)),
        ('oml__arcface.py', 'ArcFaceLossWithMLP', _oml_arcface(True)),
        ('gecdi__criterion.py', 'CrossEntropyLoss', _gecdi),
        ('torchline__loss.py', '_CrossEntropyLabelSmooth', _torchline('_CrossEntropyLabelSmooth')),
        ('torchline__loss.py', 'CrossEntropyLabelSmooth', _torchline('CrossEntropyLabelSmooth')),
        ('torchline__loss.py', 'CrossEntropy', _torchline('CrossEntropy')),
        ('torchline__focal_loss.py', '_FocalLoss', _torchline_focal('_FocalLoss')),
        ('torchline__focal_loss.py', 'FocalLoss', _torchline_focal('FocalLoss')),
        ('suncet__losses.py', 'make_labels_matrix', _suncet_labels),
        ('suncet__losses.py', 'init_paws_loss', _paws),
        ('suncet__losses.py', 'init_suncet_loss', _suncet),
        ('suncet__losses.py', 'init_simclr_loss', _simclr),
        ('sptcode__label_smoothing.py', 'LabelSmoothingCrossEntropyLoss', _sptcode),
        ('noisevalidation__smoothing.py', 'LabelSmoothLoss', _noisevalidation),
        ('noisevalidation__train_mnist_smoothing.py', 'train', _noisevalidation_train('train')),
        ('noisevalidation__train_mnist_smoothing.py', 'validate', _noisevalidation_train('validate')),
        ('synthie__training_utils.py', 'label_smoothed_nll_loss', _synthie),
        ('nernghia__label_smoothing_loss.py', 'LabelSmoothingLoss', _nernghia),
        ('brainmri__losses.py', 'real_loss', _brainmri_real),
        ('brainmri__losses.py', 'fake_loss', _brainmri_fake),
        ('3dgenius__loss.py', 'real_loss', _3dgenius('real')),
        ('3dgenius__loss.py', 'fake_loss', _3dgenius('fake')),
        ('noisynids__BootHardLoss.py', 'BootHardLoss', _boot('hard')),
        ('noisynids__BootSoftLoss.py', 'BootSoftLoss', _boot('soft')),
        ('singlora__max_entropy.py', 'MaximumEntropyLoss', _max_entropy),
        ('kdrtdetr__kd_losses.py', 'kl_div_loss', _kd_rtdetr),
        ('robustft__distill.py', 'KnowledgeDistillationLoss', _robustft),
        ('birdcall__mixup.py', 'mixup_criterion', _mixup),
        ('clipvisionnlp__clipLoss.py', 'CLIPLoss', _clip),
        ('ascension__loss.py', 'SupConLoss', _supcon),
        ('singlora__cosface.py', 'CosFaceLoss', _margin('singlora__cosface.py', 'CosFaceLoss')),
        ('ee488a__aamsoftmax.py', 'LossFunction', _margin('ee488a__aamsoftmax.py', 'LossFunction')),
        ('pesr__focal_loss.py', 'FocalLoss', _pesr),
        ('prcl__loss.py', 'Attention_Threshold_Loss', _prcl_attention),
    ]
    for fname, symbol, fn in checks:
        check(fname, symbol, fn)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    failed = [k for k, v in RESULTS.items() if not v['pass']]
    print(f'{len(RESULTS) - len(failed)}/{len(RESULTS)} checks pass')
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
