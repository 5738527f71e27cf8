#!/usr/bin/python3
"""Checks fresh10's labels numerically: `/usr/bin/python3 verify_fresh10.py` writes results.json next to it.

Each check takes the labelled definition's own source out of the copied file (a top-level def/class, or a method
as a plain function called with a stub `self`), executes it with torch in float64 on random inputs (stubs stand in
for framework imports), and compares what it computes with the reference of the labelled convention:

- uniform:   target (1 - eps) * onehot + eps / K               == F.cross_entropy(label_smoothing=eps)
- k_minus_1: target (1 - eps) on the label, eps / (K - 1) off it
- k_minus_2_padding: eps / (K - 2) off the label, 0 on the padding column and on padding rows
- binary:    positive / negative BCE targets 1 - a / 2 and a / 2
- prior:     (1 - eps') * onehot + eps' * prior for a fixed prior distribution
- other:     the code's target, shown not to be any of the above
- soft_target / none: the code against torch's soft-target / plain CE, NLL, BCE or CTC

A check passes at max |diff| <= 1e-9 (1e-6 where the code itself casts to float32). Definitions that need a whole
model, framework or training loop are not run here; build_labels.py keeps them as "reading" with the reason.
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
F32 = 1e-6  # definitions that build float32 tensors themselves
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
    ns = {'torch': torch, 'nn': nn, 'F': F, 'np': np}
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


def soft_ce(x, t):
    return -(t * F.log_softmax(x, -1)).sum(-1).mean()


def bce_logits(x, t):
    return F.binary_cross_entropy_with_logits(x, t)


def identity_decorator(*args, **kwargs):
    return lambda obj: obj


REGISTRY = types.SimpleNamespace(register=identity_decorator, register_loss=identity_decorator,
                                 register_module=identity_decorator)


# ---------------------------------------------------------------- uniform
def gpt2scratch():
    f = 'gpt2scratch__loss.py'
    fn = load(f, 'compute_loss', {'Tensor': torch.Tensor})
    x, y = torch.randn(2, 5, 9), torch.randint(0, 9, (2, 5))
    for eps in (0.1, 0.3):
        want = soft_ce(x.reshape(-1, 9), onehot(y.reshape(-1), 9) * (1 - eps) + eps / 9)
        record(f, 'compute_loss', (fn(x, y, label_smoothing=eps) - want).abs().item(),
               f'uniform: flattened tokens, target (1-eps)*onehot + eps/K (eps={eps})')


gpt2scratch()


def ssllongtail():
    f = 'ssllongtail__class_loss.py'
    cls = load(f, 'CrossEntropyLoss_labelsmooth')
    x, y = inputs()
    for eps in (0.1, 0.25):
        crit = cls(7, epsilon=eps, use_gpu=False)
        # the code builds its one-hot with torch.zeros(log_probs.size()) in the default dtype
        want = F.cross_entropy(x, y, label_smoothing=eps)
        record(f, 'CrossEntropyLoss_labelsmooth', (crit(x, y) - want).abs().item(),
               f'uniform (label_w=None, use_gpu=False): == F.cross_entropy(label_smoothing={eps})')
    label_w = torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0, 1.0, 0.25])
    weighted = cls(7, epsilon=0.1, use_gpu=False, label_w=label_w)
    rows = weighted.label_w
    not_uniform = (rows - (torch.eye(7) * 0.9 + 0.1 / 7)).abs().max().item() > 1e-3
    print('  mode label_w: row sums', [round(v, 3) for v in rows.sum(1).tolist()], 'differs from uniform:', not_uniform)
    pc = load(f, 'PCsoftmaxCE')(7, torch.tensor([1.0, 2.0, 4.0, 1.0, 1.0, 0.5, 1.0]), use_gpu=False)
    p = 1.0 / torch.tensor([1.0, 2.0, 4.0, 1.0, 1.0, 0.5, 1.0])
    p = p / p.sum()
    adj = torch.log(x.exp() / ((x.exp() * p).sum(1, keepdim=True) + 1e-10) + 1e-6)
    record(f, 'PCsoftmaxCE', (pc(x, y) - F.nll_loss(adj, y)).abs().item(),
           'none: NLL of a prior-corrected softmax exp(x)/sum(p*exp(x)) on the hard labels')
    focal = load(f, 'FocalLoss')(7, use_gpu=False)
    pr = F.softmax(x, 1).gather(1, y[:, None]).squeeze(1)
    want = torch.mean(-(1.0 - pr + 0.001).pow(2) * torch.log(pr + 0.001))
    record(f, 'FocalLoss', (focal(x, y) - want).abs().item(), 'none: focal CE (gamma 2) on the hard labels', F32)


ssllongtail()


# ---------------------------------------------------------------- k_minus_1
class _PackBatch:
    def __init__(self, text, lengths):
        self.text, self.lengths = text, lengths


def ocrstack():
    f = 'ocrstack__label_smooth_loss.py'
    cls = load(f, 'LabelSmoothingLoss', {'Batch': _PackBatch,
                                          'pack_padded_sequence': nn.utils.rnn.pack_padded_sequence})
    v, t = 7, 6
    ids = torch.randint(0, v, (3, t))
    lengths = torch.tensor([4, 3, 1])  # sorted, as pack_padded_sequence requires
    batch = _PackBatch(onehot(ids, v), lengths)
    logits = torch.randn(3, t - 1, v)
    targets = ids[:, 1:]
    rows, labels = [], []
    for b in range(3):
        for s in range(int(lengths[b]) + 1):
            rows.append(logits[b, s])
            labels.append(targets[b, s])
    rows, labels = torch.stack(rows), torch.stack(labels)
    for eps in (0.1, 0.3):
        target = onehot(labels, v) * (1 - eps) + (1 - onehot(labels, v)) * eps / (v - 1)
        got = cls(v, smoothing=eps)(batch, logits)
        record(f, 'LabelSmoothingLoss', (got - soft_ce(rows, target)).abs().item(),
               f'k_minus_1: (1-eps) on the label, eps/(K-1) elsewhere, over the packed tokens (eps={eps})')


ocrstack()


# ---------------------------------------------------------------- k_minus_2_padding
def transformerpractice():
    f = 'transformerpractice__label_smoothing.py'
    cls = load(f, 'LabelSmoothing')
    k, pad, eps = 9, 0, 0.2
    x = F.log_softmax(torch.randn(8, k), -1)
    y = torch.randint(1, k, (8,))
    y[3] = pad
    y[6] = pad
    want = onehot(y, k) * (1 - eps) + (1 - onehot(y, k)) * eps / (k - 2)
    want[:, pad] = 0
    want[y == pad] = 0
    crit = cls(k, pad, smoothing=eps)
    got = crit(x, y)
    rows = slice(2, None)  # index_fill_(0, mask.long(), 0) also zeroes rows 0 and 1 (the mask's 0 / 1 values)
    d = (crit.true_dist[rows] - want[rows]).abs().max().item()
    bugged = want.clone()
    bugged[:2] = 0
    d = max(d, (got - F.kl_div(x, bugged, reduction='sum')).abs().item())
    record(f, 'LabelSmoothing', d, 'k_minus_2_padding: eps/(K-2) off the label, 0 on the pad column and pad rows '
           '(rows 2.. match; index_fill_ with mask.long() also zeroes rows 0 and 1); KLDiv(sum)')


transformerpractice()


# ---------------------------------------------------------------- binary
def kaggleclouds():
    f = 'kaggleclouds__experiments.py'
    cls = load(f, 'LabelSmoother')
    t = (torch.rand(5, 4) > 0.5).double()
    d = 0.0
    for eps in (1e-4, 0.05):
        a = 2 * eps
        d = max(d, (cls(eps)(t) - (t * (1 - a) + a / 2)).abs().max().item())
    record(f, 'LabelSmoother', d, 'binary: (t + eps/(1-2eps))*(1-2eps) == t*(1-a) + a/2 with a = 2*eps')


kaggleclouds()


# ---------------------------------------------------------------- prior
def mls():
    f = 'mls__masked_label_smoothed_cross_entropy.py'
    fn = load(f, 'label_smoothed_nll_loss')
    k = 10
    mask = [1, 2, 4, 5, 7, 8]
    lprobs = F.log_softmax(torch.randn(6, k), -1)
    target = torch.tensor([1, 2, 4, 5, 7, 8])
    d = 0.0
    for eps in (0.1, 0.2):
        loss, _ = fn(lprobs, target, eps, ignore_index=None, mask_labels=mask, reduce=True)
        eps_p = eps * len(mask) / (len(mask) - 1)
        prior = torch.zeros(k)
        prior[mask] = 1.0 / len(mask)
        q = onehot(target, k) * (1 - eps_p) + eps_p * prior
        d = max(d, (loss - (-(q * lprobs).sum())).abs().item())
        uniform = onehot(target, k) * (1 - eps) + eps / k
        assert (loss - (-(uniform * lprobs).sum())).abs().item() > 1e-3
    record(f, 'label_smoothed_nll_loss', d, 'prior: summed CE against (1-eps\')*onehot + eps\'*u_M with u_M uniform on '
           'the target-language vocabulary M and eps\' = eps*|M|/(|M|-1) (labels in M); differs from uniform over K')


mls()


# ---------------------------------------------------------------- other
class _SampleList(dict):
    pass


def antmmf():
    f = 'antmmf__binary_cross_entropy_with_label_smoothing.py'
    builder = load(f, 'get_labels_tensor_from_indices', {'Union': __import__('typing').Union})
    n = 10
    ids = torch.tensor([[3, 5, 0], [7, 0, 0], [2, 4, 6]])
    labels = builder(3, n, ids, dtype=torch.float64, label_smoothing=0.1)
    hard = torch.zeros(3, n)
    hard.scatter_add_(1, ids, torch.ones(3, 3))
    hard[:, 0] = 0
    want = 0.9 * hard + 0.1 * hard.mean(1, keepdim=True)
    d = (labels - want).abs().max().item()
    binary = hard * 0.9 + 0.05
    per_class = hard * 0.9 + 0.1 / n
    distinct = min((labels - binary).abs().max().item(), (labels - per_class).abs().max().item()) > 1e-3
    record(f, 'get_labels_tensor_from_indices', d if distinct else 1.0,
           'other: multi-hot labels (column 0 zeroed) mixed as 0.9*y + 0.1*mean(y): toward the row\'s own positive '
           'fraction, neither eps/2 (binary) nor eps/K per class')
    cls = load(f, 'BinaryCrossEntropyLossWithLabelSmoothing', {'registry': REGISTRY})
    cls.__init__.__globals__['get_labels_tensor_from_indices'] = builder
    sample = _SampleList(targets=ids)
    sample.e1 = torch.zeros(3, 1, dtype=torch.long)
    probs = torch.rand(3, n).clamp(0.02, 0.98).float()  # the builder's labels are float32, as a model's outputs
    got = cls()(sample, {'logits': probs}).double()
    want_bce = F.binary_cross_entropy(probs.double(), builder(3, n, ids, label_smoothing=0.1).double())
    record(f, 'BinaryCrossEntropyLossWithLabelSmoothing', (got - want_bce).abs().item(),
           'other: BCELoss on the builder\'s 0.9*y + 0.1*mean(y) targets (built in float32 by default)', F32)


antmmf()


def sstnet():
    f = 'sstnet__loss.py'
    cls = load(f, 'LabelSmoothingBCEWithLogitsLoss')
    x, t = torch.randn(8, 1), (torch.rand(8, 1) > 0.5).double()
    d = 0.0
    for eps in (0.1, 0.2):
        got = cls(smoothing=eps)(x, t)
        d = max(d, (got - bce_logits(x, t * (1 - eps) + eps)).abs().item())
        assert (got - bce_logits(x, t * (1 - eps) + eps / 2)).abs().item() > 1e-4
    record(f, 'LabelSmoothingBCEWithLogitsLoss', d, 'other: BCE targets t*(1-eps) + eps: 1 stays 1, 0 becomes eps '
           '(not the eps/2 binary form, nor the [eps, 1-eps] its docstring promises; targets.float() casts to float32)', F32)
    record(f, 'get_loss_function', (load(f, 'get_loss_function')()(x, t) - bce_logits(x, t)).abs().item(),
           'none: plain nn.BCEWithLogitsLoss()')


sstnet()


def slnsound():
    f = 'slnsound/training_helpers.py'
    fn = load(f, 'SLN')
    y = onehot(torch.randint(0, 5, (6,)), 5)
    torch.manual_seed(3)
    got = fn(y, 'cpu', 0.5)
    torch.manual_seed(3)
    want = y + 0.5 * torch.randn(y.size())
    record(f, 'SLN', (got - want).abs().max().item(), 'other: stochastic label noise y + sigma*N(0, 1) (rows no '
           'longer sum to a fixed mix of onehot and a distribution)')


slnsound()


# ---------------------------------------------------------------- soft targets
def uniperceiver():
    f = 'uniperceiver__soft_target_cross_entropy.py'
    inner = load(f, 'CrossEntropyWithSoftTarget')
    x, t = torch.randn(6, 7), F.softmax(torch.randn(6, 7), -1)
    record(f, 'CrossEntropyWithSoftTarget', (inner(False)(x, t) - F.cross_entropy(x, t)).abs().item(),
           'soft_target: -sum(t * log_softmax(x)), mean == F.cross_entropy with probability targets')
    outer = load(f, 'SoftTargetCrossEntropy', {'configurable': lambda fn: fn, 'LOSSES_REGISTRY': REGISTRY,
                                               'CrossEntropyWithSoftTarget': inner})
    out = outer(loss_weight=1.0)({'logits': [x], 'targets': [t], 'loss_names': ['']})
    record(f, 'SoftTargetCrossEntropy', (out['SoftTargetCrossEntropy_Loss'] - F.cross_entropy(x, t)).abs().item(),
           'soft_target: the wrapper returns the same soft-target CE per output')


uniperceiver()


def erasus():
    f = 'erasus__kl_divergence.py'
    cls = load(f, 'KLDivergenceLoss')
    s, t = torch.randn(6, 7), torch.randn(6, 7)
    p = F.softmax(t / 2, -1)
    want = (p * (p.log() - F.log_softmax(s / 2, -1))).sum(-1).mean() * 4
    record(f, 'KLDivergenceLoss', (cls(temperature=2.0)(s, t) - want).abs().item(),
           'soft_target: T^2 * KL(softmax(teacher/T) || softmax(student/T)), batchmean (T = 2)')
    g = 'erasus__custom_losses.py'
    nll = load(g, 'NegativeLogLikelihoodLoss')
    x, y = inputs()
    lp = F.log_softmax(x, -1)
    record(g, 'NegativeLogLikelihoodLoss', (nll()(lp, y) - F.nll_loss(lp, y)).abs().item(), 'none: nn.NLLLoss()')


erasus()


class _ChessNet:
    device = 'cpu'

    def __init__(self, logits, value):
        self.out = (logits, value)

    def __call__(self, positions):
        return self.out


def cotm():
    f = 'cotm__neuralNetworkSP.py'
    fn = load(f, 'MCTSChessNN._calculate_loss')
    logits, value = torch.randn(5, 11), torch.randn(5, 1)
    pi, z = F.softmax(torch.randn(5, 11), -1), torch.randn(5, 1)
    total, policy, _, _, _ = fn(_ChessNet(logits, value), (torch.zeros(5, 3), pi, z))
    want = soft_ce(logits, pi) + F.mse_loss(value, z)
    record(f, 'MCTSChessNN._calculate_loss', (total - want).abs().item(),
           'soft_target: F.cross_entropy against the MCTS visit distribution + value MSE (the code casts to float32)', F32)


cotm()


# ---------------------------------------------------------------- none
def metagenome():
    f = 'metagenomeai__loss_fn.py'
    fn = load(f, 'ProteinLoss.cross_entropy_loss')
    x, y = inputs()
    record(f, 'ProteinLoss.cross_entropy_loss', (fn(x, y, weight=0.5) - 0.5 * F.cross_entropy(x, y)).abs().item(),
           'none: F.cross_entropy * weight')


metagenome()


def gmvgae():
    f = 'gmvgae__optimizer.py'
    fn = load(f, 'loss_function')
    preds, labels = torch.randn(6, 6), (torch.rand(6, 6) > 0.7).double()
    got = fn(preds, labels, None, None, 6, 0.7, 3.0)
    want = 0.7 * F.binary_cross_entropy_with_logits(preds, labels, pos_weight=labels * 3.0)
    record(f, 'loss_function', (got - want).abs().item(), 'none: norm * BCE-with-logits on the adjacency labels')


gmvgae()


def caaibdsc():
    f = 'caaibdsc__loss_function.py'
    fn = load(f, 'entropy_loss')
    pos, neg = torch.randn(5), torch.randn(7)
    want = bce_logits(torch.cat([pos, neg]), torch.cat([torch.ones(5), torch.zeros(7)]))
    record(f, 'entropy_loss', (fn(pos, neg) - want).abs().item(), 'none: BCE with ones for positive, zeros for '
           'negative edge scores')


caaibdsc()


def sls():
    f = 'sls__mstcn.py'
    ns = {}
    exec(compile(source(f), f, 'exec'), ns)
    layers = [torch.randn(2, 5, 9) for _ in range(3)]
    y = torch.randint(0, 5, (2, 9))
    y[0, :2] = -1
    ce = sum(F.cross_entropy(lg, y, ignore_index=-1) for lg in layers)
    sm = sum(F.mse_loss(lg[:, :, 1:].log_softmax(1), lg[:, :, :-1].log_softmax(1)).clamp(0, 16) for lg in layers)
    total, got_ce, _ = ns['compute_loss'](layers, y)
    record(f, 'compute_loss', max((total - (ce + 0.15 * sm)).abs().item(), (got_ce - ce).abs().item()),
           'none: CE (ignore_index=-1) per stage + 0.15 * a clamped MSE between adjacent frames\' log-probabilities')
    record(f, 'MSTCNLoss', (ns['MSTCNLoss']()(layers, y) - (ce + 0.15 * sm)).abs().item(),
           'none: compute_loss\'s total')


sls()


class _Recommender(nn.Module):
    def __init__(self, logits):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(1))
        self.logits = logits

    def forward(self, users, items):
        return self.logits + 0 * self.w


def multistagerec():
    f = 'multistagerec__util.py'
    fn = load(f, 'train_step')
    logits, items = torch.randn(6, 7), torch.randint(0, 7, (6,))
    out = fn(_Recommender(logits), None, items, 0)
    record(f, 'train_step', (out['loss'] - F.cross_entropy(logits, items)).abs().item(),
           'none: nn.CrossEntropyLoss() on the item logits')


multistagerec()


def asr():
    f = 'asrconformer__loss.py'
    cls = load(f, 'CTCLossWrapper')
    lp = F.log_softmax(torch.randn(2, 12, 6), -1)
    tgt = torch.randint(1, 6, (2, 4))
    in_len, tgt_len = torch.tensor([12, 10]), torch.tensor([4, 3])
    got = cls()(lp, in_len, tgt, tgt_len)['loss']
    want = F.ctc_loss(lp.transpose(0, 1), tgt, in_len, tgt_len)
    record(f, 'CTCLossWrapper', (got - want).abs().item(), 'none: nn.CTCLoss on the (T, B, V) log-probabilities')


asr()

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
print(f'{sum(r["ok"] for r in RESULTS.values())}/{len(RESULTS)} checks pass')
