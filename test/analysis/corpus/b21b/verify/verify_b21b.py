#!/usr/bin/python3
"""Numerical checks for the b21b labels (../labels.json), written before the analysis was run on these files.

Run with Debian's torch:  /usr/bin/python3 verify_b21b.py
Each check takes the named top-level classes/functions (or one method, run with a stub `self`) out of the corpus
file by name (ast), execs them with small stubs for project names (fairseq's criterion base class and registry, a
model whose get_normalized_probs is log_softmax), feeds random float64 inputs and compares the code's loss with the
reference of its labelled convention:
  none              -> plain CE / NLL / CTC / the hard-label likelihood, and nothing mixed into the target
  uniform           -> F.cross_entropy(label_smoothing=eps): 1 - eps + eps/K on the label, eps/K elsewhere
  k_minus_1         -> target 1 - eps on the label, eps/(K-1) elsewhere
  k_minus_2_padding -> target 1 - eps on the label, eps/(K-2) elsewhere except the pad column (0); pad rows dropped
  soft_target       -> -sum(p_teacher * log p_student) / KL between two distributions
Prints PASS/FAIL per check and writes results.json next to this file.
"""
import ast
import itertools
import json
import math
import os
import textwrap
import traceback
import types
import typing
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings('ignore')
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
DT = torch.float64
torch.manual_seed(0)
torch.set_default_dtype(DT)
RESULTS = {}


class FairseqCriterion:
    def __init__(self, *args, **kwargs):
        self.padding_idx = 1
        self.args = types.SimpleNamespace(sentence_avg=False)


def register_criterion(name, *args, **kwargs):
    return lambda cls: cls


FAIRSEQ_UTILS = types.SimpleNamespace(item=lambda t: t.item() if torch.is_tensor(t) else t,
                                      strip_pad=lambda t, pad: t[t.ne(pad)])


def namespace(**extra):
    ns = dict(torch=torch, nn=nn, F=F, math=math, Optional=typing.Optional, List=typing.List, Variable=lambda t, **k: t,
              _Loss=nn.modules.loss._Loss, FairseqCriterion=FairseqCriterion, LegacyFairseqCriterion=FairseqCriterion,
              register_criterion=register_criterion, utils=FAIRSEQ_UTILS, PAD_INDEX=0)
    ns.update(extra)
    return ns


def _source(fname):
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    return text.splitlines(keepends=True), ast.parse(text)


def load(fname, *names, ns=None):
    """exec the named top-level defs/classes of a corpus file into ns (a fresh namespace by default)."""
    lines, tree = _source(fname)
    ns = namespace() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        exec(compile(textwrap.dedent(''.join(lines[start - 1:node.end_lineno])), f'{fname}:{name}', 'exec'), ns)
    return ns


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa: BLE001 - a crash is a failed check, reported as such
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + '  -- ' + str(detail))


def diff(a, b):
    return (torch.as_tensor(a, dtype=DT) - torch.as_tensor(b, dtype=DT)).abs().max().item()


def all_close(*pairs, tol=1e-9):
    diffs = [diff(a, b) for a, b in pairs]
    return all(d <= tol for d in diffs), 'max|diff|=' + ', '.join(f'{d:.3g}' for d in diffs)


def logits(*shape):
    return torch.randn(*shape) * 2


def onehot(t, k):
    return F.one_hot(t, k).to(DT)


def kl_sum(q, logp):
    """sum q*(log q - logp) with 0*log 0 = 0, as nn.KLDivLoss(reduction='sum') computes it."""
    return torch.where(q > 0, q * (q.clamp_min(1e-300).log() - logp), torch.zeros_like(q)).sum()


def k_minus_1_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))


def k_minus_2_padding_target(t, k, eps, pad):
    q = eps / (k - 2) * torch.ones(len(t), k)
    q[:, pad] = 0
    q.scatter_(1, t.unsqueeze(1), 1 - eps)
    q[t == pad] = 0
    return q


def uniform_target(t, k, eps):
    return (1 - eps) * onehot(t, k) + eps / k


def distance_from_other_conventions(q, t, k, eps, pad):
    keep = t != pad
    others = {'uniform': uniform_target(t, k, eps)[keep], 'k_minus_1': k_minus_1_target(t, k, eps)[keep]}
    return ', '.join(f'{n} off by {diff(q[keep], r):.3f}' for n, r in others.items())


class LogSoftmaxModel:
    """A fairseq-like model: net_output[0] are logits, get_normalized_probs is (log_)softmax."""

    def get_normalized_probs(self, net_output, log_probs):
        return F.log_softmax(net_output[0], -1) if log_probs else F.softmax(net_output[0], -1)

    def get_targets(self, sample, net_output):
        return sample['target']


# --------------------------------------------------------------------------------------------- dreamgonfly
DG = 'dreamgonfly__losses.py'


def dg_label_smoothing():
    ns = load(DG, 'LabelSmoothingLoss')
    k, eps = 9, 0.2
    x, t = logits(2, 5, k), torch.randint(1, k, (2, 5))
    t[0, 3:] = 0
    loss, count = ns['LabelSmoothingLoss'](eps, k)(x, t, None)
    q = k_minus_2_padding_target(t.view(-1), k, eps, 0)
    ok, detail = all_close((loss, kl_sum(q, F.log_softmax(x, -1).view(-1, k))))
    return ok and count == 8, detail + f'; count={count}; ' + distance_from_other_conventions(q, t.view(-1), k, eps, 0)


def dg_masked_ce():
    ns = load(DG, 'MaskedCrossEntropyLoss')
    k = 7
    x, t = logits(3, 4, k), torch.randint(0, k, (3, 4))
    lengths = torch.tensor([4, 2, 3])
    loss, count = ns['MaskedCrossEntropyLoss']('cpu')(x, t, lengths)
    keep = torch.arange(4).unsqueeze(0) < lengths.unsqueeze(1)
    ref = F.cross_entropy(x[keep], t[keep], reduction='sum')
    ok, detail = all_close((loss, ref))
    return ok and count == 9, detail


# ----------------------------------------------------------------------------------------- transformer_chatbot
TC = 'transformerchatbot__loss.py'


def tc_label_smoothing():
    ns = load(TC, 'LabelSmoothingLoss')
    k, eps, n = 8, 0.1, 12
    x, t = logits(n, k), torch.randint(0, k, (n,))
    logp = F.log_softmax(x, -1)
    default = ns['LabelSmoothingLoss'](k, eps, size_average=False)(logp, t)
    ok1, d1 = all_close((default, kl_sum(k_minus_1_target(t, k, eps), logp)))
    t2 = t.clone()
    t2[:3] = 0
    t2[3:] = t2[3:].clamp_min(1)
    padded = ns['LabelSmoothingLoss'](k, eps, ignore_index=0, size_average=False)(logp, t2)
    ok2, d2 = all_close((padded, kl_sum(k_minus_2_padding_target(t2, k, eps, 0), logp)))
    return ok1 and ok2, f'default ignore_index=-100 vs K-1 target: {d1}; ignore_index=0 vs K-2 padding target: {d2}'


# ------------------------------------------------------------------------------------------------------ NADST
NA = 'nadst__label_smoothing.py'


def nadst_label_smoothing():
    ns = load(NA, 'LabelSmoothing')
    k, eps = 9, 0.1
    x, t = logits(10, k), torch.randint(1, k, (10,))
    t[[2, 5]] = 0
    padded = ns['LabelSmoothing'](k, 0, eps)(x, t)
    ok1, d1 = all_close((padded, kl_sum(k_minus_2_padding_target(t, k, eps, 0), F.log_softmax(x, -1))))
    t1 = torch.randint(0, k, (10,))
    nopad = ns['LabelSmoothing'](k, -1, eps)(x, t1)
    ok2, d2 = all_close((nopad, kl_sum(k_minus_1_target(t1, k, eps), F.log_softmax(x, -1))))
    return ok1 and ok2, f'padding_idx=0 vs K-2 padding target: {d1}; padding_idx=-1 vs K-1 target: {d2}'


# ---------------------------------------------------------------------------------------------------- SongNet
SN = 'songnet__label_smoothing.py'


def songnet_label_smoothing():
    ns = load(SN, 'LabelSmoothing')
    k, eps = 10, 0.1
    x, t = logits(12, k), torch.randint(1, k, (12, 1))
    t[[0, 7]] = 0
    logp = F.log_softmax(x, -1)
    loss = ns['LabelSmoothing']('cpu', k, 0, eps)(logp, t)
    return all_close((loss, kl_sum(k_minus_2_padding_target(t.view(-1), k, eps, 0), logp)))


# ----------------------------------------------------------------------------------------------------- R-Drop
RD = 'rdrop__rdrop_cross_entropy_loss.py'


def rd_label_smoothed():
    ns = load(RD, 'label_smoothed_nll_loss')
    k, eps = 11, 0.1
    x, t = logits(15, k), torch.randint(0, k, (15,))
    t[[1, 4]] = 1
    loss, nll = ns['label_smoothed_nll_loss'](F.log_softmax(x, -1), t.view(-1, 1), eps, ignore_index=1)
    ref = F.cross_entropy(x, t, ignore_index=1, label_smoothing=eps, reduction='sum')
    return all_close((loss, ref), (nll, F.cross_entropy(x, t, ignore_index=1, reduction='sum')))


def rd_vanilla():
    ns = load(RD, 'vanilla_nll_loss')
    x, t = logits(9, 6), torch.randint(0, 6, (9,))
    return all_close((ns['vanilla_nll_loss'](F.log_softmax(x, -1), t.view(-1, 1), 0.1, ignore_index=1),
                      F.cross_entropy(x, t, ignore_index=1, reduction='sum')))


def rd_criterion():
    ns = load(RD, 'label_smoothed_nll_loss', 'RegLabelSmoothedCrossEntropyCriterion')
    k, eps = 11, 0.1
    crit = ns['RegLabelSmoothedCrossEntropyCriterion'](None, False, eps)
    x, t = logits(2, 6, k), torch.randint(0, k, (2, 6))
    loss, _ = crit.compute_loss(LogSoftmaxModel(), (x,), {'target': t})
    ref = F.cross_entropy(x.view(-1, k), t.view(-1), ignore_index=1, label_smoothing=eps, reduction='sum')
    return all_close((loss, ref))


def rd_kl():
    ns = load(RD, 'label_smoothed_nll_loss', 'RegLabelSmoothedCrossEntropyCriterion')
    crit = ns['RegLabelSmoothedCrossEntropyCriterion'](None, False, 0.1)
    x = logits(4, 3, 7)
    kl = crit.compute_kl_loss(LogSoftmaxModel(), (x,))
    p, q = F.log_softmax(x[:2], -1), F.log_softmax(x[2:], -1)
    ref = (kl_sum(q.exp(), p) + kl_sum(p.exp(), q)) / 2
    return all_close((kl, ref))


# ------------------------------------------------------------------------------------------------ Mask-Predict
MP = 'maskpredict__label_smoothed_length_cross_entropy.py'


def mp_compute_loss():
    ns = load(MP, 'LabelSmoothedLengthCrossEntropyCriterion')
    k, eps, pad = 12, 0.1, 1
    crit = ns['LabelSmoothedLengthCrossEntropyCriterion'](types.SimpleNamespace(label_smoothing=eps), None)
    crit.padding_idx = pad
    x, t = logits(3, 5, k), torch.randint(2, k, (3, 5))
    t[0, 3:] = pad
    prev = t.clone()
    length_lp = F.log_softmax(logits(3, 8), -1)
    loss, nll, length_loss, ntok = crit.compute_loss(LogSoftmaxModel(), (x, {'predicted_lengths': length_lp}),
                                                     {'target': t, 'net_input': {'prev_output_tokens': prev}})
    token_ref = F.cross_entropy(x.view(-1, k), t.view(-1), ignore_index=pad, label_smoothing=eps, reduction='sum')
    len_ref = F.nll_loss(length_lp, prev.ne(pad).sum(-1), reduction='sum')
    ok, detail = all_close((loss - length_loss, token_ref), (length_loss, len_ref))
    return ok and ntok == 13, 'token part vs uniform CE, length part vs plain NLL: ' + detail


# ---------------------------------------------------------------------------------------------- unlikelihood
class Student(LogSoftmaxModel):
    def __init__(self, out):
        self.out = out

    def __call__(self, **net_input):
        return (self.out,)


UL = 'unlikelihood__candidate_penalty_ce_loss.py'


def ul_criterion():
    ns = load(UL, 'CandidatePenaltyCrossEntropyCriterion')
    k, alpha, pad = 9, 0.5, 1
    cls = ns['CandidatePenaltyCrossEntropyCriterion']
    crit = cls(types.SimpleNamespace(rank_alpha=alpha, candidate_type='prev_context'), None)
    crit.padding_idx = pad
    x, t = logits(1, 6, k), torch.tensor([[3, 4, 3, 5, 4, 2]])
    loss, _, _ = crit.forward(Student(x), {'net_input': {}, 'target': t}, compute_custom_metrics=False)
    logp = F.log_softmax(x.view(-1, k), -1)
    mle = F.nll_loss(logp, t.view(-1), reduction='sum')
    penalty = 0.0
    seq = t.view(-1).tolist()
    for i, tok in enumerate(seq):
        for c in (set(seq[:i]) - {tok}) | {pad}:
            penalty = penalty - torch.log((1 - logp[i, c].exp()).clamp_min(1e-5))
    ok, detail = all_close((loss, mle + alpha * penalty))
    return ok, ('hard-label NLL + alpha * sum over the earlier context tokens (and the pad index, which the '
                'triangle fills in) of -log(1 - p): ' + detail)


# ----------------------------------------------------------------------------------- Comprehensive-Transformer-TTS
TTS = 'comptranstts__loss.py'


def tts_forward_sum():
    ns = load(TTS, 'ForwardSumLoss')
    b, tq, tk = 2, 7, 4
    attn = logits(b, 1, tq, tk)
    in_lens, out_lens = torch.tensor([4, 3]), torch.tensor([7, 6])
    loss = ns['ForwardSumLoss']()(attn, in_lens, out_lens)
    padded = F.pad(attn, (1, 0), value=-1)
    ref = 0.0
    for i in range(b):
        lp = F.log_softmax(padded[i].permute(1, 0, 2)[:out_lens[i], :, :in_lens[i] + 1], -1)
        ref = ref + F.ctc_loss(lp, torch.arange(1, in_lens[i] + 1).unsqueeze(0), out_lens[i:i + 1], in_lens[i:i + 1],
                               zero_infinity=True)
    return all_close((loss, ref / b))


def tts_bin():
    ns = load(TTS, 'BinLoss')
    soft = F.softmax(logits(2, 5, 3), -1)
    hard = onehot(soft.argmax(-1), 3)
    loss = ns['BinLoss']()(hard, soft)
    return all_close((loss, -(soft[hard == 1].log()).sum() / hard.sum()))


# ------------------------------------------------------------------------------------------------- pytorch-crf
CRFF = 'pytorchcrf__torchcrf.py'


def crf_llh():
    ns = load(CRFF, 'CRF')
    k, tlen, b = 3, 4, 2
    crf = ns['CRF'](k)
    em, tags = logits(tlen, b, k), torch.randint(0, k, (tlen, b))
    llh = crf(em, tags, reduction='none')

    def score(seq, j):
        s = crf.start_transitions[seq[0]] + em[0, j, seq[0]]
        for i in range(1, tlen):
            s = s + crf.transitions[seq[i - 1], seq[i]] + em[i, j, seq[i]]
        return s + crf.end_transitions[seq[-1]]
    ref = []
    for j in range(b):
        z = torch.logsumexp(torch.stack([score(s, j) for s in itertools.product(range(k), repeat=tlen)]), 0)
        ref.append(score(tags[:, j].tolist(), j) - z)
    ok, detail = all_close((llh, torch.stack(ref)))
    return ok, 'log p(gold tag sequence) by brute force over all sequences: ' + detail


# --------------------------------------------------------------------------------------------------- PolyLoss
PL = 'polyloss__PolyLoss.py'


def poly_ce():
    ns = load(PL, 'to_one_hot', 'PolyLoss')
    x, t = logits(8, 5), torch.randint(0, 5, (8,))
    loss = ns['PolyLoss'](epsilon=2.0)(x, t)
    p_t = F.softmax(x, -1).gather(1, t.unsqueeze(1)).squeeze(1)
    return all_close((loss, (F.cross_entropy(x, t, reduction='none') + 2.0 * (1 - p_t)).mean()))


def poly_bce():
    ns = load(PL, 'PolyBCELoss')
    x, y = logits(6, 3), torch.randint(0, 2, (6, 3)).to(DT)
    loss = ns['PolyBCELoss'](epsilon=1.0)(x, y)
    p_t = torch.where(y == 1, torch.sigmoid(x), 1 - torch.sigmoid(x))
    return all_close((loss, (F.binary_cross_entropy_with_logits(x, y, reduction='none') + (1 - p_t)).mean()))


# ------------------------------------------------------------------------------------------------ bi-tempered
BT = 'bitempered__bi_tempered_loss.py'


def bt_loss():
    ns = load(BT, 'log_t', 'exp_t', 'compute_normalization_fixed_point', 'compute_normalization',
              'tempered_softmax', 'bi_tempered_logistic_loss')
    k, eps = 6, 0.1
    x, t = logits(7, k), torch.randint(0, k, (7,))
    t2 = 1.5  # t2 = 1.0 crashes here: log-sum-exp of shape (N,) is subtracted from (N, K) without keepdim
    loss = ns['bi_tempered_logistic_loss'](x, onehot(t, k), 1.0, t2, label_smoothing=eps)
    q, p = k_minus_1_target(t, k, eps), ns['tempered_softmax'](x, t2)
    ref = (q * ((q + 1e-10).log() - p.log())).sum(-1) - (q - p).sum(-1)
    ok, detail = all_close((loss, ref), tol=1e-8)
    return ok, 't1 = 1, t2 = 1.5: KL(q || tempered softmax) with q = 1-eps on the label, eps/(K-1) elsewhere: ' + detail


# ------------------------------------------------------------------------------------------------------ AVSR
AV = 'avsr__label_smoothing.py'


def avsr_ctc():
    ns = load(AV, 'SmoothCTCLoss')
    tlen, b, k, w = 12, 2, 6, 0.2
    lp = F.log_softmax(logits(tlen, b, k), -1)
    targets, in_l, tg_l = torch.randint(1, k, (b, 4)), torch.tensor([12, 10]), torch.tensor([4, 3])
    loss = ns['SmoothCTCLoss'](k, weight=w)(lp, targets, in_l, tg_l)
    ctc = F.ctc_loss(lp, targets, in_l, tg_l, zero_infinity=True)
    u = 1.0 / k
    kl = (u * (math.log(u) - lp)).sum() / b
    ok, detail = all_close((loss, (1 - w) * ctc + w * kl))
    return ok, '(1-w)*CTC + w*KL(uniform || p), the KL being mean_k(-log p_k) - log K per frame: ' + detail


def avsr_ce():
    ns = load(AV, 'linear_combination', 'reduce_loss', 'SmoothCrossEntropyLoss')
    eps = 0.1
    x, t = logits(3, 4, 8), torch.randint(1, 8, (3, 4))
    loss = ns['SmoothCrossEntropyLoss'](epsilon=eps)(x, t)
    ok, detail = all_close((loss, F.cross_entropy(x.view(-1, 8), t.view(-1), label_smoothing=eps)))
    return ok, 'targets without the pad index 0: ' + detail


CHECKS = [
    (DG, 'LabelSmoothingLoss', dg_label_smoothing),
    (DG, 'MaskedCrossEntropyLoss', dg_masked_ce),
    (TC, 'LabelSmoothingLoss', tc_label_smoothing),
    (NA, 'LabelSmoothing', nadst_label_smoothing),
    (SN, 'LabelSmoothing', songnet_label_smoothing),
    (RD, 'label_smoothed_nll_loss', rd_label_smoothed),
    (RD, 'vanilla_nll_loss', rd_vanilla),
    (RD, 'RegLabelSmoothedCrossEntropyCriterion', rd_criterion),
    (RD, 'RegLabelSmoothedCrossEntropyCriterion.compute_loss', rd_criterion),
    (RD, 'RegLabelSmoothedCrossEntropyCriterion.compute_kl_loss', rd_kl),
    (MP, 'LabelSmoothedLengthCrossEntropyCriterion', mp_compute_loss),
    (MP, 'LabelSmoothedLengthCrossEntropyCriterion.compute_loss', mp_compute_loss),
    (UL, 'CandidatePenaltyCrossEntropyCriterion', ul_criterion),
    (TTS, 'ForwardSumLoss', tts_forward_sum),
    (TTS, 'BinLoss', tts_bin),
    (CRFF, 'CRF', crf_llh),
    (PL, 'PolyLoss', poly_ce),
    (PL, 'PolyBCELoss', poly_bce),
    (BT, 'bi_tempered_logistic_loss', bt_loss),
    (AV, 'SmoothCTCLoss', avsr_ctc),
    (AV, 'SmoothCrossEntropyLoss', avsr_ce),
]


def main():
    for fname, symbol, fn in CHECKS:
        check(fname, symbol, fn)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")


if __name__ == '__main__':
    main()
