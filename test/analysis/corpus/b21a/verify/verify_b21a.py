#!/usr/bin/python3
"""Runs the b21a definitions in torch (float64, CPU) and compares each with the reference formula of its label.

Each check execs the corpus file as found (imports the file cannot satisfy here are stubbed, a relative import line is
swapped for stubs), calls the definition on small random inputs and compares it with an independently written
reference. Results go to results.json as {"file::symbol": {"pass": bool, "detail": str}}.
Written before Loss Lens was run on these files.
"""
import json
import math
import os
import sys
import types

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
torch.Tensor.cuda = lambda self, *a, **k: self  # CPU machine: .cuda() is the identity here
torch.distributed.all_reduce = lambda *a, **k: None  # a world of one process

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
N, K = 6, 7
RESULTS = {}


def load(fname, replace=None):
    src = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    for old, new in (replace or {}).items():
        assert old in src, old
        src = src.replace(old, new)
    ns = {'__name__': fname}
    exec(compile(src, fname, 'exec'), ns)
    return ns


def check(key, got, want, tol=1e-9):
    diff = float((torch.as_tensor(got) - torch.as_tensor(want)).abs().max())
    RESULTS[key] = {'pass': diff <= tol, 'detail': f'max|diff|={diff:.3g}'}


def inputs():
    x = torch.randn(N, K)
    y = torch.randint(0, K, (N,))
    return x, y


def uniform_ce(x, y, eps):
    return F.cross_entropy(x, y, label_smoothing=eps)


def check_uniform(fname, symbol, make, eps=0.1):
    x, y = inputs()
    check(f'{fname}::{symbol}', make()(x, y), uniform_ce(x, y, eps))


def dassl():
    ns = load('dassl__cross_entropy.py')
    x, y = inputs()
    got = ns['cross_entropy'](x, y, label_smooth=0.1)
    check('dassl__cross_entropy.py::cross_entropy', got, uniform_ce(x, y, 0.1))
    check('dassl__cross_entropy.py::cross_entropy@0', ns['cross_entropy'](x, y), F.cross_entropy(x, y))


def reid_label_smooth():
    ns = load('reidsurvey__triplet_loss.py')
    check_uniform('reidsurvey__triplet_loss.py', 'CrossEntropyLabelSmooth',
                  lambda: ns['CrossEntropyLabelSmooth'](K, 0.1, use_gpu=False))
    feats, labels = torch.randn(8, 5), torch.tensor([0, 0, 1, 1, 2, 2, 3, 3])
    try:
        got = ns['TripletLoss'](margin=0.3)(feats, labels)[0]
        d = torch.cdist(feats, feats)
        same = labels[:, None] == labels[None, :]
        ap = (d * same).max(1)[0]
        an = torch.where(same, torch.full_like(d, 1e9), d).min(1)[0]
        check('reidsurvey__triplet_loss.py::TripletLoss', got, F.relu(ap - an + 0.3).mean(), tol=1e-6)
    except Exception as exc:  # the file's addmm_(1, -2, ...) signature is gone from current torch
        RESULTS['reidsurvey__triplet_loss.py::TripletLoss'] = {'pass': False, 'detail': f'cannot run: {exc}'[:160]}
    ns = load('udasb__crossentropy.py')
    check_uniform('udasb__crossentropy.py', 'CrossEntropyLabelSmooth', lambda: ns['CrossEntropyLabelSmooth'](K, 0.1))
    x, t = torch.randn(N, K), torch.randn(N, K)
    want = -(F.softmax(t, 1) * F.log_softmax(x, 1)).sum(1).mean()
    check('udasb__crossentropy.py::SoftEntropy', ns['SoftEntropy']()(x, t), want)
    ns = load('lightreid__label_smooth_cross_entropy_loss.py')
    check_uniform('lightreid__label_smooth_cross_entropy_loss.py', 'CrossEntropyLabelSmooth',
                  lambda: ns['CrossEntropyLabelSmooth'](K, 0.1))


def kl(p, q):
    return (p * (p / q).log()).sum(1)


def distillation():
    s, t = torch.randn(N, K), torch.randn(N, K)
    ns = load('ctkd__KD.py')
    T = torch.tensor(4.0)
    want = kl(F.softmax(t / 4, 1), F.softmax(s / 4, 1)).mean() * 16
    check('ctkd__KD.py::DistillKL', ns['DistillKL']()(s, t, T), want)
    ns = load('lightreid__self_distill_loss.py', {'from .build import LOSSes_REGISTRY':
                                                  'class LOSSes_REGISTRY:\n    register = staticmethod(lambda: (lambda c: c))'})
    ps, pt = F.softmax(s, 1), F.softmax(t, 1)
    want = (kl(pt, ps) + kl(ps, pt)).mean()
    check('lightreid__self_distill_loss.py::ProbSelfDistillLoss', ns['ProbSelfDistillLoss']()([t, s]), want, tol=1e-6)
    ns = load('distkd__dist_kd.py')
    ps, pt = F.softmax(s, 1), F.softmax(t, 1)
    rows = torch.stack([torch.corrcoef(torch.stack([a, b]))[0, 1] for a, b in zip(ps, pt)]).mean()
    cols = torch.stack([torch.corrcoef(torch.stack([a, b]))[0, 1] for a, b in zip(ps.t(), pt.t())]).mean()
    check('distkd__dist_kd.py::DIST', ns['DIST'](beta=1., gamma=2.)(s, t), (1 - rows) + 2 * (1 - cols), tol=1e-6)
    dkd(s, t)
    ns = load('vanillakd__bkd.py')
    check('vanillakd__bkd.py::BinaryKLDiv', ns['BinaryKLDiv']()(s, t),
          F.binary_cross_entropy_with_logits(s, F.softmax(t, 1)))


def dkd(s, t):
    """Decoupled KD (Zhao et al. 2022): α·KL over (target, rest) + β·KL over the non-target classes, times T²."""
    ns = load('vanillakd__dkd.py')
    _, y = inputs()
    T, a, b = 2.0, 1.0, 8.0
    ps, pt = F.softmax(s / T, 1), F.softmax(t / T, 1)
    gt = F.one_hot(y, K).bool()
    bs = torch.stack([ps[gt], ps[~gt].view(N, -1).sum(1)], 1)
    bt = torch.stack([pt[gt], pt[~gt].view(N, -1).sum(1)], 1)
    ns_, nt_ = ps[~gt].view(N, -1), pt[~gt].view(N, -1)
    nckd = kl(nt_ / nt_.sum(1, keepdim=True), ns_ / ns_.sum(1, keepdim=True))
    want = (a * kl(bt, bs).mean() + b * nckd.mean()) * T * T
    check('vanillakd__dkd.py::DKD', ns['DKD'](a, b, T)(s, t, target=y), want, tol=1e-6)


def noisy_label_losses():
    ns = load('lnlsr__losses.py')
    x, y = inputs()
    p = F.softmax(x, 1).clamp(1e-7, 1)
    py = p.gather(1, y[:, None]).squeeze(1)
    rce = -math.log(1e-4) * (p.sum(1) - py)  # −Σ p·log clamp(onehot, 1e-4): hard one-hot, clamped inside the log
    ce = F.cross_entropy(x, y)
    lp = F.log_softmax(x, 1)
    nce = -lp.gather(1, y[:, None]).squeeze(1) / (-lp.sum(1))
    mae = 1 - F.softmax(x, 1).gather(1, y[:, None]).squeeze(1)
    gce = (1 - py ** 0.7) / 0.7
    ngce = (1 - py ** 0.7) / (K - p.pow(0.7).sum(1))
    pt = lp.gather(1, y[:, None]).squeeze(1).exp()
    fl = -(1 - pt) ** 0.5 * lp.gather(1, y[:, None]).squeeze(1)
    nfl = fl / (-(1 - lp.exp()) ** 0.5 * lp).sum(1)
    want = {
        'SCELoss': (ns['SCELoss'](K, 0.1, 1.0), 0.1 * ce + rce.mean()),
        'RCELoss': (ns['RCELoss'](K), rce.mean()),
        'NRCELoss': (ns['NRCELoss'](K), (K - 1) / 4 * rce.mean()),
        'NCELoss': (ns['NCELoss'](K), nce.mean()),
        'MAELoss': (ns['MAELoss'](K), 2 * mae.mean()),
        'NMAE': (ns['NMAE'](K), mae.mean() / (K - 1)),
        'GCELoss': (ns['GCELoss'](K, 0.7), gce.mean()),
        'NGCELoss': (ns['NGCELoss'](K, 0.7), ngce.mean()),
        'NCEandRCE': (ns['NCEandRCE'](1., 1., K), nce.mean() + rce.mean()),
        'NCEandMAE': (ns['NCEandMAE'](1., 1., K), nce.mean() + mae.mean()),
        'FocalLoss': (ns['FocalLoss'](0.5), fl.mean()),
        'NormalizedFocalLoss': (ns['NormalizedFocalLoss'](0.5, K), nfl.mean()),
        'NFLandRCE': (ns['NFLandRCE'](1., 1., K, 0.5), nfl.mean() + rce.mean()),
        'NFLandMAE': (ns['NFLandMAE'](1., 1., K, 0.5), nfl.mean() + mae.mean()),
    }
    for name, (loss, ref) in want.items():
        # the file builds its one-hot in float32, so log(1e-4) carries float32 rounding
        check(f'lnlsr__losses.py::{name}', loss(x, y), ref, tol=1e-6)


def margin_heads():
    fake = types.ModuleType('models')
    fake.iresnet = types.ModuleType('models.iresnet')
    sys.modules.update({'models': fake, 'models.iresnet': fake.iresnet,
                        'termcolor': types.SimpleNamespace(cprint=print)})
    ns = load('magface__magface.py')
    cos, cos_m = torch.rand(N, K) * 2 - 1, torch.rand(N, K) * 2 - 1
    _, y = inputs()
    loss, _, _ = ns['MagLoss'](10, 110, 0.45, 0.8)([cos, cos_m], y, torch.rand(N, 1) * 100 + 10)
    check('magface__magface.py::MagLoss', loss, F.cross_entropy(torch.where(F.one_hot(y, K).bool(), cos_m, cos), y))
    stubs = ('def get_wrapping(mode):\n    return lambda x: x\n'
             'def get_fusing(pre_norm, post_norm):\n    return lambda x: F.normalize(x[:, 0, :], dim=-1)\n'
             'def get_scoring(b_theta):\n    return lambda x, w, all_pairs: x @ w.t()\n')
    ns = load('opensphere__sphereface2.py', {'from .common import get_wrapping, get_fusing, get_scoring': stubs})
    head = ns['SphereFace2'](5, K)
    x = torch.randn(N, 5)
    got = head(x, y)
    w = F.normalize(head.w.data, dim=-1)
    c = F.normalize(x, dim=-1) @ w.t()
    onehot = F.one_hot(y, K).double()
    g = 2 * ((c + 1) / 2).pow(head.t) - 1 - head.m * (2 * onehot - 1)
    weight = head.lw * K / head.r * (head.alpha * onehot + (1 - head.alpha) * (1 - onehot))
    want = F.binary_cross_entropy_with_logits(head.r * g + head.b, onehot, weight=weight)
    check('opensphere__sphereface2.py::SphereFace2', got, want)
    ns = load('tface__dist_softmax.py')
    logits = torch.randn(N, K)
    check('tface__dist_softmax.py::DistCrossEntropy', ns['DistCrossEntropy']()(logits, y[:, None]),
          F.cross_entropy(logits, y))
    head_logits()


def head_logits():
    """Margin heads return logits: only the target column moves, every other column stays s·cos (no target mix)."""
    _, y = inputs()
    tgt = F.one_hot(y, K).bool()
    ns = load('adaface__head.py')
    head = ns['AdaFace'](5, K, m=0.4, h=0.333, s=64.)
    emb = F.normalize(torch.randn(N, 5), dim=1)
    out = head(emb, torch.rand(N, 1) * 30 + 5, y)
    cos = (emb @ ns['l2_norm'](head.kernel, axis=0)).clamp(-1 + 1e-3, 1 - 1e-3)
    check('adaface__head.py::AdaFace', out[~tgt], 64. * torch.cos(torch.acos(cos)).clamp(-1, 1)[~tgt], tol=1e-7)
    ns = load('curricularface__metrics.py')
    head = ns['ArcFace'](5, K).double()  # the file builds a FloatTensor kernel
    out, origin = head(torch.randn(N, 5), y)
    check('curricularface__metrics.py::ArcFace', out[~tgt], origin[~tgt])


def main():
    for step in (dassl, reid_label_smooth, distillation, noisy_label_losses, margin_heads):
        step()
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    bad = [k for k, v in RESULTS.items() if not v['pass']]
    print(f'{len(RESULTS) - len(bad)}/{len(RESULTS)} checks pass', *bad, sep='\n  ')


if __name__ == '__main__':
    main()
