#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below (written before the analysis was run on these files).

A definition's line is found from its top-level `class`/`def` (for `Class.method`, the method's `def` inside that
class) and a call's line from the first line matching its `find` pattern, so lines cannot drift. A label is "torch"
only when verify_b20b.py has a passing check for file::symbol in results.json; otherwise "reading", with the reason.
Files with no label smoothing anywhere are `kind: "negative"`: any smoothing claim in them is false.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call: what it builds is torch\'s class with the arguments shown.'
NEEDS_MODEL = 'needs a Hugging Face model / trainer to run.'
DELEGATED = 'only wraps a criterion built elsewhere (delegated): silence or none.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find)


VOCAB_PARALLEL_K1 = ('vocab-parallel CE (Megatron autograd Function): loss = (1 − s)·nll − s·mean_j log p_j with '
                     's = ε·K/(K−1), i.e. 1 − ε on the label and ε/(K−1) on every other token (the NeMo '
                     'derivation quoted in the docstring). label_smoothing = 0 (the default) is plain CE.')

FILES = {
    # ------------------------------------------------------------------------------------- with label smoothing
    'diengine__cross_entropy_loss.py': dict(license='Apache-2.0', defs=[
        D('LabelSmoothCELoss', 'other',
          'val = ratio/(N−1) filled everywhere, then the label is overwritten with 1 − val (not 1 − ratio): '
          'ε/(K−1) off the label like K−1 smoothing, but 1 − ε/(K−1) on it, so rows sum to 1 + ε(K−2)/(K−1). '
          '−Σ t·log_softmax / B.', eps='ratio', classes='logits.shape[1]'),
        D('SoftFocalLoss', 'none', 'NLLLoss2d on (1 − softmax)^γ·log_softmax: softmax focal loss on hard labels.'),
    ]),
    'diengine__multi_logits_loss.py': dict(license='Apache-2.0', defs=[
        D('MultiLogitsLoss', 'other',
          'criterion="label_smooth_ce": the same target as LabelSmoothCELoss (ε/(K−1) off the label, 1 − ε/(K−1) '
          'on it; rows do not sum to 1), −Σ t·log_softmax for every (logits row, label) pair, then a Hungarian '
          'matching picks the pairs and the matched costs are averaged. The default criterion is one-hot CE.',
          eps='smooth_ratio', classes='logits.shape[1]',
          modes={"criterion='cross_entropy' (the default)": 'none'}),
    ]),
    'megatronds__cross_entropy.py': dict(license='see the repository', defs=[
        D('_VocabParallelCrossEntropy', 'k_minus_1', VOCAB_PARALLEL_K1, eps='label_smoothing',
          classes='vocab_size', modes={'label_smoothing=0.0 (the default)': 'none'}),
        D('vocab_parallel_cross_entropy', 'k_minus_1', 'applies _VocabParallelCrossEntropy. ' + VOCAB_PARALLEL_K1,
          eps='label_smoothing', classes='vocab_size', modes={'label_smoothing=0.0 (the default)': 'none'}),
    ]),
    'internlm__loss.py': dict(license='Apache-2.0', defs=[
        D('FlashGPTLMLoss', 'uniform',
          'parallel_output=False: nn.CrossEntropyLoss(label_smoothing=label_smoothing); parallel_output=True (the '
          'default): flash_attn\'s CrossEntropyLoss(label_smoothing=...), the same ε/K rule over a tensor-parallel '
          'vocabulary. None / 0 → plain CE.', eps='label_smoothing', modes={'label_smoothing=0 (the default)': 'none'}),
        D('nn.CrossEntropyLoss', 'uniform',
          'nn.CrossEntropyLoss(reduction="mean", label_smoothing=label_smoothing).', eps='label_smoothing',
          find=r'nn\.CrossEntropyLoss\(reduction="mean", label_smoothing', rd=CALL),
    ]),
    'torchblocks__label_smoothing.py': dict(license='MIT', defs=[
        D('LabelSmoothingCE', 'uniform',
          'ε/c·(−Σ_j log p_j) + (1 − ε)·nll (fastai form): ε/K on every class. The ε/K term is not masked by '
          'ignore_index (only the nll is).', eps='eps', classes='input.size()[-1]'),
    ]),
    # ---------------------------------------------------------------------------------- without label smoothing
    'gptneox__loss.py': dict(license='Apache-2.0', negative=True, defs=[
        D('_VocabParallelCrossEntropy', 'none', 'vocab-parallel CE: log Σ exp − logit[target]; no smoothing.'),
        D('vocab_parallel_cross_entropy', 'none', 'applies _VocabParallelCrossEntropy: plain CE.'),
        D('_VocabParallelKLDivLoss', 'soft_target',
          'distillation: Σ p_T·log(p_T/p_S) over the vocabulary (teacher logits → softmax), per token.'),
        D('vocab_parallel_KLDivLoss', 'soft_target', 'applies _VocabParallelKLDivLoss: KL(teacher ‖ student).'),
    ]),
    'metaseq__vocab_parallel_soft_cross_entropy.py': dict(license='MIT', negative=True, defs=[
        D('_VocabParallelSoftCrossEntropy', 'soft_target',
          'logprobs distillation: Σ_k exp(teacher_logp_k)·(lse − logit[token_k]) over the teacher\'s top-k tokens.'),
        D('vocab_parallel_soft_cross_entropy', 'soft_target', 'applies _VocabParallelSoftCrossEntropy.'),
        D('VocabParallelSoftCrossEntropyCriterion.forward', 'soft_target',
          'the criterion: soft CE against the teacher\'s top-k log-probs, masked and summed.',
          optional='a fairseq-style criterion that needs a model and a sample: silence or soft_target',
          accept=['soft_target'], rd='needs a metaseq model and sample.'),
    ]),
    'torchblocks__kd_loss.py': dict(license='MIT', negative=True, defs=[
        D('KdCeLoss', 'soft_target', '−Σ softmax(T/τ)·log_softmax(S/τ), mean: distillation CE.'),
        D('AttCeLoss', 'soft_target', 'CE between teacher and student attention distributions (masked).'),
        D('AttCeMeanLoss', 'soft_target', 'as AttCeLoss after averaging the heads.'),
    ]),
    'orpo__orpo_trainer.py': dict(license='Apache-2.0', negative=True, defs=[
        D('ORPOTrainer.compute_custom_loss', 'none', 'CrossEntropyLoss(reduction="none") on shifted logits, mean per row.'),
        D('ORPOTrainer.compute_loss', 'none',
          'ORPO: the model\'s own NLL on the chosen answer (labels with pad → −100) − α·log σ(log-odds ratio of '
          'chosen vs rejected mean log-probs). Hard labels; the odds-ratio term is a preference margin.',
          optional='the NLL comes from the HF model (delegated): silence or none', accept=['none'], rd=NEEDS_MODEL),
    ]),
    'tsai__losses.py': dict(license='Apache-2.0', negative=True, defs=[
        D('FocalLoss', 'none', '(1 − p_t)^γ · NLL(weight=alpha) on the hard label, mean.'),
        D('CenterPlusLoss', 'none', 'the given loss + λ·center loss.', optional=DELEGATED, accept=['none'],
          rd='wraps a loss passed in.'),
    ]),
    'simctg__lossfunction.py': dict(license='see the repository', negative=True, defs=[
        D('SimCTGLoss', 'none',
          'module-level CrossEntropyLoss() on the tokens (MLE) and a token-similarity margin loss '
          'relu(margin − (s_ii − s_ij)) masked by padding: the margin is not smoothing.'),
    ]),
    'setfit__losses.py': dict(license='Apache-2.0', negative=True, defs=[
        D('SupConLoss', 'none',
          'supervised contrastive: log-softmax over embedding similarities (self masked with torch.scatter along '
          'arange), averaged over same-label positives; a pair mask, not a class target.',
          rd='needs a SentenceTransformer model (the loss calls self.model).'),
    ]),
    'saint__pretraining.py': dict(license='Apache-2.0', negative=True, defs=[
        D('SAINT_pretrain', 'none',
          'pretraining loop: InfoNCE CE against arange targets, a denoising CE per categorical column and MSE on '
          'the continuous ones; mixup / cutmix act on the inputs, the targets stay hard.',
          optional='a training loop with several losses: silence or none', accept=['none'],
          rd='needs the SAINT model and data.'),
    ]),
    'trlx__reward_model.py': dict(license='MIT', negative=True, defs=[]),
    'ppopytorch__PPO.py': dict(license='MIT', negative=True, defs=[]),
    'fastmoe__gshard_gate.py': dict(license='Apache-2.0', negative=True, defs=[]),
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
    torch_n = sum(d['verified'] == 'torch' for e in out.values() for d in e['definitions'])
    neg = sum(e['kind'] == 'negative' for e in out.values())
    print(f'{len(out)} files ({neg} negative), {n} definitions, {torch_n} verified in torch')


if __name__ == '__main__':
    main()
