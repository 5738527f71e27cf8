#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a nested def, the line matching its `at` text), a call's line the first line matching
its `find` text. A label is "torch" only when verify_fresh9.py has a passing check for that file::symbol in
results.json; otherwise it stays "reading" with the reason in `rd`. Every file here is held out: collected and labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

FRAMEWORK = 'needs the whole model / framework / training loop to run.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None,
      find=None, at=None):
    """`find`: the text of a constructor call's line (a call label); `at`: the text of a nested def's line."""
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find, at=at)


def N(category, license, defs=()):
    return dict(license=license, kind='negative', category=category, defs=list(defs))


def P(license, defs):
    return dict(license=license, kind='positive', defs=defs)


FILES = {
    # ------------------------------------------------------------------ uniform
    'huaweicloud__LabelSmoothingLoss.py': P('NOASSERTION', [
        D('label_smoothing', 'uniform',
          'n_classes = preds.size(1); scatter_ one-hot, onehot·(1−ε) + ones·ε/n_classes, then the file\'s own '
          'soft-target cross_entropy_loss (−Σ t·log_softmax, mean). Mixed tab / space indentation in the body.',
          eps='epsilon (0.1)', classes='preds.size(1)'),
        D('cross_entropy_loss', 'soft_target',
          'a soft-target CE helper: −Σ target·log_softmax(preds) with the reduction chosen by name; smoothing '
          'happens in its caller, not here.', optional=True, accept=['soft_target', 'none']),
    ]),
    'mpl__utils.py': P('NOASSERTION', [
        D('SmoothCrossEntropy', 'uniform',
          'Meta Pseudo Labels: one_hot·(1−α) + α/num_classes with num_classes = logits.shape[-1], '
          '−Σ t·log_softmax, mean.', eps='alpha (0.1)', classes='logits.shape[-1]'),
        D('create_loss_fn', 'uniform',
          'returns SmoothCrossEntropy(alpha=args.label_smoothing) when label_smoothing > 0, else '
          'nn.CrossEntropyLoss() (the argparse default is 0).', eps='args.label_smoothing', classes='logits',
          modes={'label_smoothing=0 (default)': 'none (nn.CrossEntropyLoss)'}, optional=True,
          accept=['uniform', 'none']),
    ]),
    # ------------------------------------------------------------------ other
    'torchecg__label_smooth.py': P('MIT', [
        D('LabelSmooth', 'other',
          'an ECG augmenter: on a random subset of rows (prob 0.5) label ← (1−ε)·label + ε/n_classes with '
          'n_classes = label.shape[-1]. The labels are multi-hot (the docstring\'s example is randint(0, 2, '
          '(32, 26))) for sigmoid / BCE training, so rows do not sum to 1: toward 1/K per class, not ε/2 '
          '(binary) and not a distribution (uniform); on a one-hot row it would be uniform.',
          eps='smoothing (0.1)', classes='label.shape[-1]', optional=True, accept=['other', 'uniform']),
    ]),
    'ldl__genLD.py': P('NOASSERTION', [
        D('gen_label_distribution', 'other',
          'label distribution learning for age: for loss == "klloss", a Gaussian (σ) over the class indices '
          'around each label, normalised per sample (numpy, no loss in it): smoothing toward the neighbouring '
          'ages, neither uniform nor a prior.', eps='sigma', classes='num_classes', optional=True,
          accept=['other', 'soft_target']),
    ]),
    # ------------------------------------------------------------------ none / soft targets
    'tabpfn__losses.py': P('NOASSERTION', [
        D('CrossEntropyForMulticlassLoss', 'none',
          'subclasses nn.CrossEntropyLoss and takes label_smoothing: float = 0.0, but never passes it to '
          'super().__init__: whatever is given, the per-column CE over the first len(unique(target)) logits is '
          'unsmoothed.'),
        D('JointBCELossWithLogits', 'none',
          '−log mean_NS Π_SL (t·σ + (1−t)·(1−σ)): a joint Bernoulli likelihood of the given targets; no smoothing.',
          rd='reading only: the product-of-likelihoods form has no torch counterpart to compare with.'),
    ]),
    'slip__losses.py': P('MIT', [
        D('CLIPLoss', 'none', 'symmetric CE over normalised image / text logits scaled by logit_scale, labels '
          'rank·batch + arange.'),
        D('SIMCLRLoss', 'none', 'SimCLR NT-Xent: self-similarities masked by one_hot(labels)·1e9, CE against arange '
          'labels over [ab, aa] logits.', rd=FRAMEWORK),
        D('SLIPLoss', 'none', 'CLIPLoss + ssl_scale · the SSL loss.', rd=FRAMEWORK),
    ]),
    'coca__coca_pytorch.py': P('MIT', [
        D('CoCa.forward', 'none',
          'caption CE (ignore_index=pad_id) · caption_loss_weight + symmetric contrastive CE over arange labels '
          '· contrastive_loss_weight; residual blocks, rotary embeddings and causal masks elsewhere in the file.',
          rd='reading only: needs einops and a whole model.'),
    ]),
    'transformerxl__proj_adaptive_softmax.py': P('Apache-2.0', [
        D('ProjectedAdaptiveLogSoftmax', 'none',
          'adaptive softmax: returns per-token NLL −log p(target) from the head / cluster log-probabilities; '
          'hard targets.', rd=FRAMEWORK),
    ]),
    'minsu3d__sem_seg_loss.py': P('NOASSERTION', [
        D('SemSegLoss', 'none',
          'builds nn.CrossEntropyLoss(ignore_index=ignore_label) but forward calls an undefined '
          'semantic_criterion (a NameError as found); plain CE in intent.', optional=True, accept=['none'],
          rd='reading only: forward cannot run as written.'),
    ]),
    'graph4nlp__seq_generation_loss.py': P('Apache-2.0', [
        D('SeqGenerationLoss', 'none',
          'NLL (via the package\'s GeneralLoss, ignore_index = padding) on log(probs + 1e-31), plus an optional '
          'coverage loss.', rd=FRAMEWORK),
    ]),
    'easycv__rec_multi_loss.py': P('Apache-2.0', [
        D('SARLoss', 'none', 'OCR SAR head: shifted CE with ignore_index (the padding class).'),
        D('CTCLoss', 'none', 'CTC on log_softmax with an optional focal weight (1 − e^{−loss})².',
          rd='reading only: CTC.'),
        D('MultiLoss', 'none', 'weighted sum of the CTC and SAR losses built by name.', rd=FRAMEWORK),
    ]),
    'gcnii__train.py': P('NOASSERTION', [
        D('train', 'none', 'node classification: F.nll_loss on the training nodes\' log-probabilities.',
          rd=FRAMEWORK),
    ]),
    'lxmert__vqa.py': P('MIT', [
        D('VQA.train', 'soft_target',
          'BCEWithLogitsLoss(logit, target) · num_answers with the dataset\'s VQA soft scores as targets '
          '(a distribution-like target from annotator agreement, not smoothing).', rd=FRAMEWORK,
          optional=True, accept=['soft_target', 'none']),
    ]),
    'torchssl__remixmatch_utils.py': P('MIT', [
        D('mixup_one_target', 'soft_target',
          'ReMixMatch mixup: λ ~ Beta(α, α) (max(λ, 1−λ) when is_bias), mixes inputs and the (one-hot / '
          'sharpened) targets λ·y + (1−λ)·y[perm]: a mixup target builder with no loss in it.',
          optional=True, accept=['soft_target'], rd='reading only: needs a GPU (`.cuda(gpu)`).'),
        D('consistency_loss', 'none', 'MSE between softmax(logits_w) and the given target distribution (not a CE).',
          optional=True, accept=['none', 'soft_target'], rd='reading only: an MSE, not a cross-entropy.'),
    ]),
    'awdlstm__splitcross.py': P('BSD-3-Clause', [
        D('SplitCrossEntropyLoss', 'none',
          'AWD-LSTM\'s split (two-level) softmax: −log p(tombstone) − log p(word | split) per target, summed over '
          'the splits and divided by the number of targets; with no splits it is the plain CE of hiddens·Wᵀ + b.'),
    ]),
    'meshed__train.py': P('BSD-3-Clause', [
        D('NLLLoss', 'none', 'image captioning: loss_fn = NLLLoss(ignore_index=<pad>) in __main__, used by train_xe '
          'and evaluate_loss on the decoder\'s log-probabilities; the SCST phase (train_scst) is a policy gradient '
          'with a mean-reward baseline, not a CE.', rd='reading only: a constructor call: what it builds is torch\'s own class.',
          find='loss_fn = NLLLoss('),
    ]),
    'ureca__distillation.py': P('NOASSERTION', [
        D('distillation_loss', 'soft_target',
          'Hinton distillation: α·T²·KL(softmax(teacher/T) ‖ softmax(student/T)) (batchmean) + (1−α)·CE(student, '
          'labels): a teacher distribution mixed with the hard-label CE, not smoothing.', optional=True,
          accept=['soft_target']),
    ]),
    'htsat__utils.py': P('MIT', [
        D('clip_bce', 'none', 'audio tagging: F.binary_cross_entropy on the clip-wise sigmoid outputs and the '
          '(mixup-OR-ed) multi-hot targets.'),
        D('clip_ce', 'none', 'F.cross_entropy with the given targets.'),
    ]),
    'openchatkit__utils.py': P('Apache-2.0', [
        D('gpt_loss_func', 'none', 'causal-LM fine-tuning loss: logits / labels shifted by one, plain '
          'functional.cross_entropy over the flattened tokens.'),
    ]),
    'gpt2tpnam__losses.py': P('NOASSERTION', [
        D('GPTLoss', 'none', 'a wrapper around nn.CrossEntropyLoss() with defaults.'),
    ]),
    # ------------------------------------------------------------------ negatives
    'masterdegree__mixup.py': N('a function named mixup_criterion that mixes two images λ·a + (1−λ)·b', 'NOASSERTION'),
    'openke__MarginLoss.py': N('KG margin ranking loss with self-adversarial softmax weights (tab-indented)', 'MIT'),
    'drqv2__utils.py': N('RL utilities: soft target-network update τ·θ + (1−τ)·θ\', linear schedules, truncated normal',
                         'MIT'),
    'fastmri__losses.py': N('SSIM loss for MRI reconstruction', 'MIT'),
    'biggan__losses.py': N('GAN losses: DCGAN softplus and hinge', 'MIT'),
    'spade__loss.py': N('GANLoss (target_real_label=1.0 by default: no one-sided smoothing), VGG perceptual, KLD',
                        'CC-BY-NC-SA-4.0'),
    'roadweather__focalloss.py': N('multi-label focal BCE on hard targets (file lacks its torch import)', 'NOASSERTION'),
    'ssdetection__focalLoss.py': N('sigmoid focal loss for detection: α·t + (1−α)·(1−t) weights on hard targets',
                                   'NOASSERTION'),
    'nurzhanov__SigmoidFocalLoss.py': N('segmentation sigmoid focal loss with an ignore-label mask', 'NOASSERTION'),
    'recommender__custom.py': N('recommendation: BPR log-sigmoid of scores with an L2 penalty, SVD MSE with bias '
                                'penalties', 'NOASSERTION'),
    'swinface__losses.py': N('age regression: (1−λ)/2·(Δ²) + λ·(1 − exp(−Δ²/2σ²)) with λ annealed by iteration',
                             'MIT'),
    'uq4ppm__QuantileLoss.py': N('quantile (pinball) regression loss: (1[ŷ ≥ y] − τ)·(ŷ − y)', 'NOASSERTION'),
    'optfn__iqn_loss.py': N('IQN quantile losses for distributional RL (L1 and Huber quantile regression)', 'NOASSERTION'),
    'rl2__a2c_agent.py': N('A2C: policy gradient on advantages, value MSE, entropy bonus', 'NOASSERTION'),
    'countryretrieval__losses.py': N('batch-hard triplet loss with masks mixed as d·m + (1−m)·(±1e9)', 'NOASSERTION'),
    'ngcf__bprloss.py': N('NGCF BPR loss: softplus(neg − pos) and an L2 term on the initial embeddings', 'NOASSERTION'),
}


def header_source(path):
    first = open(path, encoding='utf-8').readline().strip()
    assert first.startswith('# source: '), path
    return first[len('# source: '):]


def line_of(path, d):
    lines = open(path, encoding='utf-8').read().splitlines()
    if d['find'] or d['at']:
        return next(i + 1 for i, s in enumerate(lines) if (d['find'] or d['at']) in s)
    parts = d['symbol'].split('.')
    top = next(i for i, s in enumerate(lines) if re.match(rf'(class|def) {re.escape(parts[0])}\b', s))
    if len(parts) == 1:
        return top + 1
    return next(i + 1 for i in range(top + 1, len(lines)) if re.match(rf'\s+def {re.escape(parts[1])}\(', lines[i]))


def main():
    out = {}
    for file, spec in FILES.items():
        path = os.path.join(CORPUS, file)
        defs = []
        for d in spec['defs']:
            key = f'{file}::{d["symbol"]}'
            check = RESULTS.get(key)
            verified = 'torch' if check and check['ok'] else 'reading'
            why = d['why'] + (f' [torch: max|diff|={check["maxAbsDiff"]:.3g}]' if verified == 'torch' else '')
            if verified == 'reading' and d['rd']:
                rd = d['rd'] if d['rd'].startswith('reading only') else 'reading only: ' + d['rd']
                why += ' ' + rd[0].upper() + rd[1:]
            entry = {'symbol': d['symbol'], 'line': line_of(path, d), 'convention': d['convention']}
            if d['find']:
                entry['call'] = True
            entry.update({'epsilonParam': d['eps'], 'classesParam': d['classes']})
            if d['modes']:
                entry['modes'] = d['modes']
            entry.update({'why': why, 'verified': verified})
            if d['optional']:
                entry.update({'optional': True, 'accept': d['accept'] or [d['convention']]})
            defs.append(entry)
        label = {'source': header_source(path), 'license': spec['license'], 'split': 'holdout', 'kind': spec['kind']}
        if spec['kind'] == 'negative':
            label['category'] = spec['category']
        label['definitions'] = defs
        out[file] = label
    listed = {os.path.relpath(os.path.join(r, f), CORPUS) for r, _, fs in os.walk(CORPUS) for f in fs
              if f.endswith('.py') and not r.startswith(HERE)}
    assert listed == set(out), sorted(listed ^ set(out))
    json.dump(out, open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8'), indent=2, ensure_ascii=False)
    open(os.path.join(CORPUS, 'labels.json'), 'a').write('\n')
    n = sum(len(v['definitions']) for v in out.values())
    t = sum(d['verified'] == 'torch' for v in out.values() for d in v['definitions'])
    print(f'{len(out)} files, {n} definitions, {t} checked in torch')


main()
