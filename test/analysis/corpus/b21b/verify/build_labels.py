#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below (written before the analysis was run on these files).

A definition's line is found from its top-level `class`/`def` (for `Class.method`, the method's `def` inside that
class) and a call's line from the first line matching its `find` pattern, so lines cannot drift. A label is "torch"
only when verify_b21b.py has a passing check for file::symbol in results.json; otherwise "reading", with the reason.
Files with no label smoothing anywhere are `kind: "negative"`: any smoothing claim in them is false.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call: what it builds is torch\'s class with the arguments shown.'
TRAIN_STEP = 'a training step over a model and a batcher.'
SEE = 'see the repository'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find)


FAIRSEQ_UNIFORM = ('(1 − ε)·nll + ε/K·Σ_k(−log p_k) over non-pad tokens (fairseq\'s older form): target 1 − ε + ε/K '
                   'on the label and ε/K elsewhere, which is F.cross_entropy(label_smoothing=ε).')

FILES = {
    # ------------------------------------------------------------------------------------- with label smoothing
    'dreamgonfly__losses.py': dict(license=SEE, defs=[
        D('MaskedCrossEntropyLoss', 'none',
          'nn.CrossEntropyLoss(reduce=False) per token, positions past each length zeroed, summed; hard labels.'),
        D('LabelSmoothingLoss', 'k_minus_2_padding',
          'buffer filled with ε/(V−2) ("exclude pad and true label"), pad column 0, 1 − ε scattered on the label, '
          'rows whose target is PAD_INDEX zeroed, KLDivLoss(sum) on log_softmax. ε = 0 → NLLLoss with pad weight 0.',
          eps='label_smoothing', classes='vocabulary_size', modes={'label_smoothing=0': 'none (weighted NLLLoss)'}),
    ]),
    'transformerchatbot__loss.py': dict(license=SEE, defs=[
        D('LabelSmoothingLoss', 'k_minus_1',
          'one_hot filled with ε/(K − n_ignore_idxs), n_ignore_idxs = 1 + (ignore_index >= 0); with the default '
          'ignore_index = −100 that is ε/(K−1) off the label and 1 − ε on it (no column or row is dropped), '
          'KLDivLoss on the log-probabilities given. ignore_index ≥ 0 (the chatbot passes its pad index) gives the '
          'K−2 padding target: pad column 0, pad rows zeroed.', eps='smoothing', classes='n_labels',
          modes={'ignore_index >= 0': 'k_minus_2_padding', 'smoothing=0.0 (the default)': 'none (NLLLoss)'}),
    ]),
    'nadst__label_smoothing.py': dict(license=SEE, defs=[
        D('LabelSmoothing', 'k_minus_2_padding',
          'Annotated-Transformer form: padding_idx ≠ −1 fills ε/(size−2), puts 1 − ε on the label, zeroes the pad '
          'column and the rows whose target is the pad (when the nonzero mask sums above 0), KLDivLoss(sum) on '
          'log_softmax(x). padding_idx = −1 fills ε/(size−1) and drops nothing.', eps='smoothing', classes='size',
          modes={'padding_idx=-1': 'k_minus_1'}),
    ]),
    'songnet__label_smoothing.py': dict(license=SEE, defs=[
        D('LabelSmoothing', 'k_minus_2_padding',
          'one_hot row of ε/(size−2) with the pad column 0, 1 − ε scattered on the label, pad-target rows '
          'masked to 0, F.kl_div(output, ·, sum) on the log-probabilities given. With a copy-extended output '
          '(more columns than size) the extra columns also get ε/(size−2).', eps='label_smoothing', classes='size'),
    ]),
    'rdrop__rdrop_cross_entropy_loss.py': dict(license='MIT', defs=[
        D('label_smoothed_nll_loss', 'uniform', FAIRSEQ_UNIFORM, eps='epsilon', classes='lprobs.size(-1)'),
        D('vanilla_nll_loss', 'none', '−log p[target] with pad positions zeroed; hard labels (epsilon unused).'),
        D('RegLabelSmoothedCrossEntropyCriterion', 'uniform',
          'compute_loss / forward_reg use label_smoothed_nll_loss: ' + FAIRSEQ_UNIFORM + ' forward_reg adds the '
          'R-Drop KL between two dropout passes.', eps='label_smoothing', classes='lprobs.size(-1)'),
        D('RegLabelSmoothedCrossEntropyCriterion.compute_loss', 'uniform',
          'label_smoothed_nll_loss on the model\'s log-probabilities: ' + FAIRSEQ_UNIFORM, eps='self.eps',
          classes='lprobs.size(-1)'),
        D('RegLabelSmoothedCrossEntropyCriterion.compute_kl_loss', 'soft_target',
          'R-Drop: symmetric KL between the two halves of the batch (two dropout passes of one model), '
          '(KL(q‖p) + KL(p‖q))/2 summed; no labels at all.'),
    ]),
    'maskpredict__label_smoothed_length_cross_entropy.py': dict(license=SEE, defs=[
        D('LabelSmoothedLengthCrossEntropyCriterion', 'uniform',
          'token loss: ' + FAIRSEQ_UNIFORM + ' Plus an unsmoothed NLL of the predicted target length.',
          eps='label_smoothing', classes='lprobs.size(-1)'),
        D('LabelSmoothedLengthCrossEntropyCriterion.compute_loss', 'uniform',
          'the same computation: ' + FAIRSEQ_UNIFORM + ' + length NLL (hard).', eps='self.eps',
          classes='lprobs.size(-1)'),
    ]),
    'bitempered__bi_tempered_loss.py': dict(license=SEE, defs=[
        D('bi_tempered_logistic_loss', 'k_minus_1',
          'labels = (1 − ε·K/(K−1))·labels + ε/(K−1): 1 − ε on the label, ε/(K−1) elsewhere, then the bi-tempered '
          'Bregman loss (KL(q‖p) at t1 = t2 = 1). label_smoothing = 0 (default) uses the labels as given. '
          '(t2 = 1.0 itself crashes in this copy: the log-sum-exp is subtracted without keepdim.)',
          eps='label_smoothing', classes='labels.shape[-1]'),
    ]),
    'avsr__label_smoothing.py': dict(license=SEE, defs=[
        D('SmoothCTCLoss', 'uniform',
          '(1 − w)·CTC + w·KL(u‖p) per frame, u = 1/K: the uniform smoothing term mixed with the hard-label CTC '
          'loss, as the same class is labelled elsewhere in this corpus.', eps='weight', classes='num_classes'),
        D('SmoothCrossEntropyLoss', 'uniform',
          'ε·mean_k(−log p_k) + (1 − ε)·nll (the wangleiofficial form): ε/K on every class. The ε/K term is not '
          'masked by ignore_index=0 (only the nll is).', eps='epsilon', classes='preds.size()[-1]'),
    ]),
    # ---------------------------------------------------------------------------------- without label smoothing
    'pointersummarizer__train.py': dict(license=SEE, negative=True, defs=[
        D('Train.train_one_batch', 'none',
          'pointer-generator step loss: −log(final_dist[target] + eps) (final_dist mixes p_gen·vocab and '
          '(1 − p_gen)·attention in the model), plus cov_loss_wt·Σ min(attn, coverage) when coverage is on; masked '
          'by the decoder padding, / length, mean. Hard labels.', optional='a training step: silence or none',
          accept=['none'], rd=TRAIN_STEP),
    ]),
    'comptranstts__loss.py': dict(license=SEE, negative=True, defs=[
        D('CompTransTTSLoss', 'none',
          'TTS regression: L1 on (postnet) mels, MSE on pitch / energy / log duration, plus the CTC alignment '
          'loss, a warmed-up binarization loss and a Gaussian-mixture prosody NLL. No class targets.',
          rd='needs the model\'s prediction tuple and three configs.'),
        D('ForwardSumLoss', 'none',
          'alignment CTC: log_softmax over attention keys with a blank column, nn.CTCLoss per item, mean.'),
        D('BinLoss', 'none', '−Σ log soft_attention at the hard alignment / count; no smoothing.'),
    ]),
    'pytorchcrf__torchcrf.py': dict(license='MIT', negative=True, defs=[
        D('CRF', 'none',
          'linear-chain CRF: log p(gold tag sequence) = score − log Z (the caller negates it); hard tags.',
          optional='returns a log-likelihood, not a loss: silence or none', accept=['none']),
    ]),
    'bertpytorch__pretrain.py': dict(license='Apache-2.0', negative=True, defs=[
        D('nn.NLLLoss', 'none', 'masked-LM criterion: NLLLoss(ignore_index=0) on the masked positions.',
          find=r'self\.masked_criterion = nn\.NLLLoss', rd=CALL),
        D('nn.NLLLoss', 'none', 'next-sentence criterion: plain NLLLoss.', find=r'self\.next_criterion = nn\.NLLLoss',
          rd=CALL),
        D('BERTTrainer.iteration', 'none', 'MLM NLL (ignore_index=0) + NSP NLL; hard labels.',
          optional='a training loop: silence or none', accept=['none'], rd=TRAIN_STEP),
    ]),
    'unlikelihood__candidate_penalty_ce_loss.py': dict(license=SEE, negative=True, defs=[
        D('CandidatePenaltyCrossEntropyCriterion', 'none',
          'token unlikelihood: hard-label NLL + rank_alpha·Σ −log(1 − p_c) over the earlier context tokens '
          '(a 0/1 scatter of candidates, not a target distribution).'),
    ]),
    'polyloss__PolyLoss.py': dict(license=SEE, negative=True, defs=[
        D('PolyLoss', 'none', 'Poly-1: CE + ε·(1 − p_t); ε is the poly coefficient, the target stays one-hot.',
          eps=None),
        D('PolyBCELoss', 'none', 'BCE-with-logits + ε·(1 − p_t); hard binary targets.'),
    ]),
    'gbwlm__model.py': dict(license=SEE, negative=True, defs=[
        D('SampledSoftmax', 'none',
          'sampled softmax: true and sampled logits corrected by log frequency, accidental hits set to −1e37, '
          'target index 0; returns logits and targets for a CE elsewhere.',
          optional='builds logits and targets, not a loss: silence or none', accept=['none'],
          rd='CUDA-only code (.cuda(device_id)).'),
    ]),
}


def first_line_source(path):
    return open(path, encoding='utf-8').readline().strip()[len('# source: '):]


def locate(lines, symbol):
    if '.' in symbol:
        cls, method = symbol.split('.')
        start = locate(lines, cls)
        pat = re.compile(rf'^\s+def\s+{re.escape(method)}\b')
        return next(i + 1 for i, l in enumerate(lines) if i >= start and pat.match(l))
    pat = re.compile(rf'^(class|def)\s+{re.escape(symbol)}\b')
    return next(i + 1 for i, l in enumerate(lines) if pat.match(l))


def find_line(lines, pattern):
    pat = re.compile(pattern)
    return next(i + 1 for i, l in enumerate(lines) if pat.search(l))


def label(fname, d, lines):
    res = RESULTS.get(f"{fname}::{d['symbol']}")
    verified = 'torch' if res and res['pass'] and not d['find'] else 'reading'
    o = {'symbol': d['symbol'], 'line': find_line(lines, d['find']) if d['find'] else locate(lines, d['symbol']),
         'convention': d['convention']}
    if d['find']:
        o['call'] = True
    o['epsilonParam'] = d['eps']
    o['classesParam'] = d['classes']
    if d['modes']:
        o['modes'] = d['modes']
    detail = f" [torch: {res['detail']}]" if verified == 'torch' else ' Reading only: ' + (d['rd'] or 'no check.')
    o['why'] = d['why'] + detail
    o['verified'] = verified
    if d['optional']:
        o['optional'] = True
        o['accept'] = d['accept']
        o['optionalWhy'] = d['optional']
    return o


def main():
    on_disk = sorted(n for n in os.listdir(CORPUS) if n.endswith('.py'))
    assert sorted(FILES) == on_disk, set(FILES) ^ set(on_disk)
    out = {}
    for fname in on_disk:
        spec = FILES[fname]
        lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
        out[fname] = {'source': first_line_source(os.path.join(CORPUS, fname)), 'license': spec['license'],
                      'split': 'tune', 'kind': 'negative' if spec.get('negative') else 'positive',
                      'definitions': [label(fname, d, lines) for d in spec['defs']]}
    with open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    n = sum(len(e['definitions']) for e in out.values())
    print(f'{len(out)} files, {n} definitions, {sum(e["kind"] == "negative" for e in out.values())} negative files')


if __name__ == '__main__':
    main()
