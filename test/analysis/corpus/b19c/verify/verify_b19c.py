#!/usr/bin/python3
"""Numerical checks for the b19c labels (../labels.json).

Run with Debian's torch:  /usr/bin/python3 verify_b19c.py
Each check pulls the named top-level classes/functions out of the saved corpus file by name (via ast), executes them
in a namespace with small stubs for project-internal names (fairseq criteria, models, configs), feeds random float64
inputs and compares the code's loss with the reference of the labelled convention:
uniform -> F.cross_entropy(label_smoothing=eps) over the non-pad rows; k_minus_1 -> the explicit 1-eps / eps/(K-1)
target; k_minus_2_padding -> the explicit eps/(K-2) target with the pad column and pad rows zeroed; other -> the
explicit target or mixture the code builds (stated per check); soft_target -> the given distribution; none -> plain
(masked) CE / NLL / CTC. Prints PASS/FAIL per check and writes results.json next to this file.
"""
import ast
import json
import math
import os
import textwrap

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
RESULTS = {}


def load(fname, *names, **extra):
    """exec the named top-level defs/classes of a corpus file into a fresh namespace."""
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    lines, tree = text.splitlines(keepends=True), ast.parse(text)
    ns = dict(torch=torch, nn=nn, F=F, math=math, Variable=torch.autograd.Variable)
    ns.update(extra)
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        seg = ''.join(l for l in lines[start - 1:node.end_lineno] if not l.lstrip().startswith('@register_criterion'))
        exec(compile(textwrap.dedent(seg), f'{fname}:{name}', 'exec'), ns)
    return ns


def check(key, got, want, note='', tol=1e-9):
    diff = float((torch.as_tensor(got) - torch.as_tensor(want)).abs().max())
    ok = diff < tol
    RESULTS[key] = {'pass': ok, 'max_abs_diff': diff, 'note': note}
    print(('PASS' if ok else 'FAIL'), key, f'{diff:.2e}', note)


def smoothed_target(target, K, on, off):
    t = torch.full((target.numel(), K), off)
    t.scatter_(1, target.view(-1, 1), on)
    return t


class Stub:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class FairseqCriterion(nn.Module):
    def __init__(self, *args, **kwargs):
        super().__init__()


def tmcmetn():
    ns = load('tmcmetn__label_smoothing.py', 'LabelSmoothing')
    B, S, V, eps, pad = 3, 5, 11, 0.1, 1
    logp = F.log_softmax(torch.randn(B, S, V), -1)
    target = torch.randint(2, V, (B, S))
    target[1, 3:] = pad
    target[2, 4] = pad
    got = ns['LabelSmoothing'](eps, pad)(logp, target)
    flat_t, flat_p = target.view(-1), logp.view(-1, V)
    t = smoothed_target(flat_t, V, 1 - eps, eps / (V - 2))
    t[:, pad] = 0
    t[flat_t == pad] = 0
    want = (t * (torch.where(t > 0, t.log(), torch.zeros_like(t)) - flat_p)).sum()
    check('tmcmetn__label_smoothing.py:LabelSmoothing', got, want, 'KL to eps/(V-2) target, pad column and pad rows zeroed')


def aster():
    ns = load('aster__sequenceCrossEntropyLoss.py', 'to_contiguous', '_assert_no_grad', 'SequenceCrossEntropyLoss')
    B, T, C = 3, 6, 9
    x = torch.randn(B, T, C)
    target = torch.randint(0, C, (B, T))
    length = [6, 4, 2]
    got = ns['SequenceCrossEntropyLoss']()(x, target, length)
    mask = torch.arange(T)[None, :] < torch.tensor(length)[:, None]
    want = F.cross_entropy(x.view(-1, C), target.view(-1), reduction='none')[mask.view(-1)].sum() / B
    check('aster__sequenceCrossEntropyLoss.py:SequenceCrossEntropyLoss', got, want, 'plain masked NLL / batch')


def foamliu():
    ns = load('foamliu_speechtransformer__loss.py', 'cal_loss', 'cal_performance', IGNORE_ID=-1)
    N, C, eps = 12, 7, 0.1
    pred = torch.randn(N, C)
    gold = torch.randint(0, C, (N,))
    gold[[2, 7]] = -1
    got = ns['cal_loss'](pred, gold, eps)
    keep = gold != -1
    t = smoothed_target(gold[keep], C, 1 - eps, eps / C)
    want = -(t * F.log_softmax(pred[keep], 1)).sum(1).mean()
    check('foamliu_speechtransformer__loss.py:cal_loss', got, want, 'other: gold 1-eps, others eps/C (sums to 1-eps/C)')
    uniform = F.cross_entropy(pred[keep], gold[keep], label_smoothing=eps)
    RESULTS['foamliu_speechtransformer__loss.py:cal_loss']['differs_from_uniform'] = float((got - uniform).abs())
    got2, _ = ns['cal_performance'](pred.view(3, 4, C), gold.view(3, 4), eps)
    check('foamliu_speechtransformer__loss.py:cal_performance', got2, want, 'wraps cal_loss after view(-1, C)')


def nrtr():
    ns = load('pytorchocr__rec_nrtr_loss.py', 'NRTRLoss')
    B, L, K, eps = 3, 6, 8, 0.1
    lengths = torch.tensor([4, 2, 3])
    tgt_full = torch.randint(1, K, (B, L + 2))
    for b in range(B):
        tgt_full[b, 2 + lengths[b]:] = 0
    max_len = int(lengths.max())
    pred = torch.randn(B, max_len + 1, K)
    got = ns['NRTRLoss']()(pred, [None, tgt_full, lengths])['loss']
    tgt = tgt_full[:, 1:2 + max_len].reshape(-1)
    keep = tgt != 0
    t = smoothed_target(tgt[keep], K, 1 - eps, eps / (K - 1))
    want = -(t * F.log_softmax(pred.reshape(-1, K)[keep], 1)).sum(1).mean()
    check('pytorchocr__rec_nrtr_loss.py:NRTRLoss', got, want, 'k_minus_1 target, rows with tgt==0 dropped')


def pytorchocr_ctc():
    ns = load('pytorchocr__rec_ctc_loss.py', 'CTCLoss')
    B, T, C = 2, 10, 6
    x = torch.randn(B, T, C)
    label = torch.randint(1, C, (B, 3))
    lens = torch.tensor([3, 2])
    got = ns['CTCLoss']()(x, [None, label, lens])['loss']
    want = F.ctc_loss(x.log_softmax(2).permute(1, 0, 2), label, torch.full((B,), T, dtype=torch.long), lens,
                      blank=0, reduction='none').mean()
    check('pytorchocr__rec_ctc_loss.py:CTCLoss', got, want, 'plain CTC (focal weighting off by default)')


def dual_decoder():
    ns = load('pytorchtranslate__dual_decoder_kd_loss.py', 'DualDecoderCriterion', LegacyFairseqCriterion=FairseqCriterion,
              utils=Stub(item=lambda t: t))
    B, T, V, eps, w, pad = 2, 5, 9, 0.1, 0.5, 1
    logits = torch.randn(B, T, V)
    target = torch.randint(2, V, (B, T))
    target[0, 3:] = pad
    model = Stub(get_normalized_probs=lambda out, log_probs: F.log_softmax(out, -1) if log_probs else F.softmax(out, -1),
                 get_targets=lambda sample, out: sample['target'])
    crit = ns['DualDecoderCriterion'].__new__(ns['DualDecoderCriterion'])
    nn.Module.__init__(crit)
    crit.eps, crit.kd_weight, crit.padding_idx = eps, w, pad
    loss, _, probs = crit.compute_teacher_loss(model, logits, {'target': target})
    want = F.cross_entropy(logits.view(-1, V), target.view(-1), ignore_index=pad, label_smoothing=eps, reduction='sum')
    check('pytorchtranslate__dual_decoder_kd_loss.py:DualDecoderCriterion.compute_teacher_loss', loss, want,
          'uniform eps/V over non-pad rows')
    teacher = F.softmax(torch.randn(B * T, V), -1)
    sloss, _ = crit.compute_student_loss(model, logits, {'target': target}, teacher)
    keep = target.view(-1) != pad
    lp = F.log_softmax(logits.view(-1, V), -1)[keep]
    want_s = ((1 - w) * F.nll_loss(lp, target.view(-1)[keep], reduction='sum')
              + w * (teacher[keep] * -lp).sum())
    check('pytorchtranslate__dual_decoder_kd_loss.py:DualDecoderCriterion.compute_student_loss', sloss, want_s,
          'soft_target: (1-w) NLL + w CE to teacher probs')


def kd_criterion():
    ns = load('pytorchtranslate__knowledge_distillation_loss.py', 'KnowledgeDistillationCriterion',
              FairseqCriterion=FairseqCriterion, utils=Stub(item=lambda t: t))
    B, T, V, w, k, pad = 2, 4, 10, 0.4, 3, 1
    logits = torch.randn(B, T, V)
    target = torch.randint(2, V, (B, T))
    target[1, 2:] = pad
    tlogits = torch.randn(B, T, V)
    def normalized(out, log_probs):
        return F.log_softmax(out, -1) if log_probs else F.softmax(out, -1)

    class Teacher:
        def __call__(self, **kw):
            return tlogits
        get_normalized_probs = staticmethod(normalized)

    class Student(Teacher):
        def __call__(self, **kw):
            return logits
        get_targets = staticmethod(lambda sample, out: sample['target'])

    crit = ns['KnowledgeDistillationCriterion'].__new__(ns['KnowledgeDistillationCriterion'])
    nn.Module.__init__(crit)
    crit.teacher_models = [Teacher()]
    crit.kd_weight, crit.top_k_teacher_tokens, crit.padding_idx = w, k, pad
    crit.args = Stub(sentence_avg=False)
    sample = {'net_input': {}, 'target': target, 'ntokens': int((target != pad).sum())}
    loss, _, _ = crit(Student(), sample)
    lp = F.log_softmax(logits.view(-1, V), -1)
    tp = F.softmax(tlogits.view(-1, V), -1)
    top, idx = tp.topk(k)
    soft = torch.zeros_like(tp).scatter(1, idx, top / top.sum())
    want = w * -(soft * lp).sum() + (1 - w) * F.nll_loss(lp, target.view(-1), ignore_index=pad, reduction='sum')
    check('pytorchtranslate__knowledge_distillation_loss.py:KnowledgeDistillationCriterion', loss, want,
          'soft_target: top-k teacher probs (normalised over the whole batch) mixed with NLL')


def apex():
    ns = load('apex__test_label_smoothing.py', 'label_smoothing_raw', 'label_smoothing_opt_1')
    N, H, eps, pad = 20, 13, 0.1, 0
    x = torch.randn(N, H)
    t = torch.randint(0, H, (N,))
    t[[1, 5, 9]] = pad
    keep = t != pad
    want = F.cross_entropy(x, t, label_smoothing=eps, reduction='none')[keep]
    got_raw = ns['label_smoothing_raw'](x.float(), t, pad, eps).double()
    check('apex__test_label_smoothing.py:label_smoothing_raw', got_raw, want,
          'uniform over non-pad rows (the code casts to float32: compared at 1e-5)', tol=1e-5)
    got_opt = ns['label_smoothing_opt_1'](x.float(), t, pad, eps).double()
    check('apex__test_label_smoothing.py:label_smoothing_opt_1', got_opt, want_with_zero_pads(want, keep),
          'uniform; pad rows filled with 0 (float32 as written: compared at 1e-5)', tol=1e-5)


def want_with_zero_pads(per_row, keep):
    full = torch.zeros(keep.numel())
    full[keep] = per_row
    return full


def paragen():
    ns = load('paragen__label_smoothed_ctc.py', 'LabelSmoothedCTC', BaseCriterion=nn.Module)
    crit = ns['LabelSmoothedCTC'](0.1)
    crit.build(None, padding_idx=0, blank_idx=0)
    B, T, C = 2, 8, 6
    logits = torch.randn(B, T, C)
    target = torch.tensor([[2, 3, 4], [5, 1, 0]])
    out_pad = torch.zeros(B, T, dtype=torch.bool)
    out_pad[1, 6:] = True
    got, _ = crit.compute_loss(logits, target, out_pad)
    lp = F.log_softmax(logits, -1)
    ntok = 5
    ctc = F.ctc_loss(lp.transpose(0, 1), target, torch.tensor([8, 6]), torch.tensor([3, 2]), blank=0,
                     reduction='none', zero_infinity=True).sum() / ntok
    smooth = (-lp.mean(-1)).masked_fill(out_pad, 0).sum() / ntok
    check('paragen__label_smoothed_ctc.py:LabelSmoothedCTC.compute_loss', got, 0.9 * ctc + 0.1 * smooth,
          'other: (1-eps) CTC + eps * frame-level CE to uniform (no per-frame gold)')
    ns2 = load('paragen__focal_cross_entropy.py', 'FocalCrossEntropy', BaseCriterion=nn.Module)
    fc = ns2['FocalCrossEntropy'](2.0)
    fc._build(None, padding_idx=0)
    x = torch.randn(10, 7)
    t = torch.randint(0, 7, (10,))
    t[[0, 4]] = 0
    got2, _ = fc.compute_loss(x, t)
    p = F.log_softmax(x, -1).gather(1, t[:, None]).squeeze(1)
    keep = t != 0
    want2 = (-(1 - p.exp()) ** 2 * p)[keep].sum() / keep.sum()
    check('paragen__focal_cross_entropy.py:FocalCrossEntropy.compute_loss', got2, want2, 'focal NLL, pad masked; no smoothing')


def small_negatives():
    ns = load('selfrec__loss_torch.py', 'InfoNCE', 'kl_divergence', 'batch_softmax_loss')
    a, b = torch.randn(6, 4), torch.randn(6, 4)
    sim = F.normalize(a, dim=1) @ F.normalize(b, dim=1).t() / 0.2
    check('selfrec__loss_torch.py:InfoNCE', ns['InfoNCE'](a, b, 0.2), F.cross_entropy(sim, torch.arange(6)),
          'none: CE with diagonal (hard) targets')
    p, q = torch.randn(5, 7), torch.randn(5, 7)
    check('selfrec__loss_torch.py:kl_divergence', ns['kl_divergence'](p, q),
          F.kl_div(F.log_softmax(q, -1), F.softmax(p, -1), reduction='batchmean'), 'soft_target: KL between two models')
    ns = load('gru4rec__lossfunction.py', 'SampledCrossEntropyLoss')
    logit = torch.randn(5, 5)
    check('gru4rec__lossfunction.py:SampledCrossEntropyLoss', ns['SampledCrossEntropyLoss'](False)(logit),
          F.cross_entropy(logit, torch.arange(5)), 'none: in-batch sampled softmax, hard targets')
    ns = load('allrank__listNet.py', 'listNet', DEFAULT_EPS=1e-10, PADDED_Y_VALUE=-1)
    yp, yt = torch.randn(3, 5), torch.rand(3, 5)
    yt[0, 4] = -1
    m = yt == -1
    want = -(F.softmax(yt.masked_fill(m, float('-inf')), 1) *
             torch.log(F.softmax(yp.masked_fill(m, float('-inf')), 1) + 1e-10)).sum(1).mean()
    check('allrank__listNet.py:listNet', ns['listNet'](yp, yt), want, 'soft_target: softmax of true relevances')
    ns = load('abinet__losses.py', 'SoftCrossEntropyLoss')
    x, tgt = torch.randn(4, 6), F.softmax(torch.randn(4, 6), -1)
    check('abinet__losses.py:SoftCrossEntropyLoss', ns['SoftCrossEntropyLoss']()(x, tgt),
          -(tgt * F.log_softmax(x, -1)).sum(-1).mean(), 'soft_target: CE to the given distribution')


def xtransformers():
    ns = load('xtransformers__autoregressive_wrapper.py', 'exists', 'default', 'eval_decorator', 'top_k',
              'AutoregressiveWrapper', ceil=math.ceil,
              rearrange=lambda t, pattern: t.transpose(1, 2), Module=nn.Module)
    V = 7
    class Net(nn.Module):
        max_seq_len = 16
        def forward(self, inp, **kw):
            torch.manual_seed(1)
            return torch.randn(inp.shape[0], inp.shape[1], V), None
    x = torch.randint(0, V, (2, 6))
    x[1, 4:] = -100
    wrapper = ns['AutoregressiveWrapper'](Net())
    got = wrapper(x)
    torch.manual_seed(1)
    logits = torch.randn(2, 5, V)
    want = F.cross_entropy(logits.reshape(-1, V), x[:, 1:].reshape(-1), ignore_index=-100)
    check('xtransformers__autoregressive_wrapper.py:AutoregressiveWrapper', got, want, 'none: shifted CE, ignore_index')


for fn in (tmcmetn, aster, foamliu, nrtr, pytorchocr_ctc, dual_decoder, kd_criterion, apex, paragen, small_negatives,
           xtransformers):
    try:
        fn()
    except Exception as e:  # a check that cannot run is reported, not hidden
        RESULTS[fn.__name__] = {'pass': False, 'error': repr(e)}
        print('ERROR', fn.__name__, repr(e))

json.dump(RESULTS, open(os.path.join(HERE, 'results.json'), 'w'), indent=2, sort_keys=True)
