#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class), a call's line the first line matching its `find` text. A label is "torch" only when
verify_fresh8.py has a passing check for that file::symbol in results.json; otherwise it stays "reading" with the
reason in `rd`. Every file here is held out: collected and labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call; what it builds is torch\'s own class.'
FRAMEWORK = 'needs the whole model / framework / training loop to run.'
BUILDER = 'a target builder with no loss in it: Loss Lens may stay silent, but if it speaks it must say this.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    """`find`: the text of a constructor call's line (a call label)."""
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find)


def N(category, license, defs=()):
    return dict(license=license, kind='negative', category=category, defs=list(defs))


def P(license, defs):
    return dict(license=license, kind='positive', defs=defs)


FILES = {
    # ------------------------------------------------------------------ uniform
    'autotest__labelsmooth.py': P('NOASSERTION', [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'eps/c · mean(−Σ log_softmax) + (1 − eps) · nll with c = output.size()[-1]; the file imports only nn and F '
          '(no torch).', eps='eps (0.1)', classes='output.size()[-1]'),
    ]),
    'surgicalmtl__caption_loss.py': P('NOASSERTION', [
        D('CELossWithLS', 'uniform',
          'captioning loss: F.one_hot(target) · (1 − ε) + ε/cls, then −Σ (1 − p)^γ · log p · target over the tokens '
          'whose target is not ignore_index, mean. With γ = 0 it is F.cross_entropy(label_smoothing=ε).',
          eps='smoothing (0.1)', classes='classes', modes={'gamma > 0 (default 3.0)': 'uniform target under a focal '
                                                                                    'weight'}),
    ]),
    'yolov4argusswift__data_augment.py': P('NOASSERTION', [
        D('LabelSmooth', 'uniform',
          '__call__(onehot, num_classes) returns onehot · (1 − δ) + δ/num_classes (δ = 0.01): the class targets the '
          'YOLOv4 data set builds for its BCE class loss. Mixup in the same file mixes images and weights boxes by lam.',
          eps='delta (0.01)', classes='num_classes', optional=True, accept=['uniform'], rd=BUILDER),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'ningan__label_smothing_cross_entropy_loss.py': P('NOASSERTION', [
        D('LabelSmoothCrossEntropyLoss', 'k_minus_1',
          '_smooth_one_hot: empty(n, K).fill_(ε/(K−1)).scatter_(label, 1 − ε); −Σ t · log_softmax (times optional class '
          'weights on the log-probabilities), mean or sum.', eps='smoothing', classes='inputs.size(-1)'),
    ]),
    # ------------------------------------------------------------------ k_minus_2_padding
    'texar__model.py': P('Apache-2.0', [
        D('LabelSmoothingLoss', 'k_minus_2_padding',
          'one_hot buffer full(V, ε/(V−2)) with 0 at ignore_index (0), scatter_ of the confidence 1 − ε on the label, '
          'masked_fill_ of the padding rows, then texar\'s sequence_softmax_cross_entropy against that target; ε is '
          '1 − label_confidence.', eps='1 - label_confidence', classes='tgt_vocab_size'),
        D('Transformer.forward', 'k_minus_2_padding',
          'training branch: self.smoothed_loss_func (the LabelSmoothingLoss above, ignore_index=0) per token, masked '
          'by labels != 0 and averaged over the target tokens.', eps='1 - loss_label_confidence',
          classes='vocab.size', optional=True, accept=['k_minus_2_padding'],
          rd='reading only: the loss is the class checked above; the model needs texar.'),
    ]),
    'origtransformer/utils/optimizers_and_distributions.py': P('MIT', [
        D('LabelSmoothingDistribution', 'k_minus_2_padding',
          'zeros(B, V).fill_(ε/(V−2)), scatter_ 1 − ε on the target id, 0 on the pad column and on pad-target rows: the '
          'smoothed target distribution the training script feeds to KLDivLoss.', eps='smoothing_value',
          classes='trg_vocab_size', optional=True, accept=['k_minus_2_padding'], rd=BUILDER),
        D('OneHotDistribution', 'none', 'plain one-hot with pad rows zeroed (used only in a playground script).',
          optional=True, accept=['none'], rd='reading only: a one-hot builder.'),
    ]),
    'origtransformer/training_script.py': P('MIT', [
        D('train_transformer', 'k_minus_2_padding',
          'builds nn.KLDivLoss(reduction=\'mean\') and the sibling LabelSmoothingDistribution(BASELINE_MODEL_LABEL_'
          'SMOOTHING_VALUE, pad_token_id, trg_vocab_size) and hands both to the train/val loop, which computes '
          'kl_div_loss(log-probabilities, smooth targets).', eps='BASELINE_MODEL_LABEL_SMOOTHING_VALUE',
          classes='trg_vocab_size', optional=True, accept=['k_minus_2_padding'],
          rd='reading only: a training script; the target builder is checked in utils/optimizers_and_distributions.py.'),
    ]),
    # ------------------------------------------------------------------ other
    'tucker__main.py': P('MIT', [
        D('Experiment.train_and_eval', 'other',
          'training loop: `if self.label_smoothing: targets = ((1.0 − ε)·targets) + (1.0/targets.size(1))` on the '
          'multi-hot 1-N entity targets, then model.loss (BCELoss in the model file): the off value is 1/K, not ε/K, '
          'and the on value 1 − ε + 1/K.', eps='label_smoothing (0.1)', classes='targets.size(1)'),
    ]),
    # ------------------------------------------------------------------ soft targets
    'dinov2__dino_clstoken_loss.py': P('Apache-2.0', [
        D('DINOLoss', 'soft_target',
          'Σ over student/teacher views of −mean Σ t · log_softmax(s / student_temp), the teacher probabilities '
          'centred and sharpened (softmax_center_teacher) or Sinkhorn-Knopp normalised; the centre is an EMA.',
          optional=True, accept=['soft_target']),
    ]),
    'passt__ex_esc50.py': P('Apache-2.0', [
        D('M.training_step', 'soft_target',
          'mixup on spectrograms: CE(y_hat, y)·lam + CE(y_hat, y[rn_indices])·(1 − lam) per sample (the y_mix line is '
          'commented out); plain CE when use_mixup is off.', optional=True, accept=['soft_target', 'none'],
          modes={'use_mixup=False': 'none (plain CE)'}, rd=FRAMEWORK),
    ]),
    'pytorchvqa__train.py': P('NOASSERTION', [
        D('run', 'soft_target',
          'VQA: (−log_softmax(out) · a / 10).sum(1).mean() with a the answer counts of the ten annotators: a soft '
          'target from the annotations, not smoothing.', optional=True, accept=['soft_target'], rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ none
    'benchmarkinggnns__gcn_net.py': P('MIT', [
        D('GCNNet.loss', 'none',
          'nn.CrossEntropyLoss(weight=(V − n_c)/V, 0 for absent classes) on the node labels: class-balanced CE.'),
    ]),
    'nvsemseg__utils.py': P('BSD-3-Clause', [
        D('ImageBasedCrossEntropyLoss2d', 'none',
          'NLLLoss on log_softmax with per-image class weights from a histogram of the targets.',
          rd='reading only: NLL with histogram weights (needs runx / config).'),
        D('CrossEntropyLoss2d', 'none', 'NLLLoss(log_softmax(inputs), targets) with ignore_index.'),
        D('ImgWtLossSoftNLL', 'soft_target',
          'boundary relaxation: the target holds multi-hot border labels; −Σ target · class_weight · log(max(p, '
          'mask · Σ(p · mask))) / border_weights, i.e. the log of the summed probability of the classes present at '
          'the border, not label smoothing.', optional=True, accept=['soft_target', 'none'],
          rd='reading only: needs the dataset\'s multi-hot border targets.'),
        D('MultiChannelBCEWithLogits', 'none',
          'BCE-with-logits on the given edge targets with weights 1 − β + (2β − 1)·target (β the negative share): '
          'an affine weight in the target, the target itself untouched.', rd='reading only: a weighted BCE.'),
        D('EdgeWeightedCrossEntropyLoss2d', 'none', 'NLLLoss2d with histogram weights times an edge map.',
          rd='reading only: NLLLoss2d is gone from torch.'),
    ]),
    'clipgen__losses.py': P('NOASSERTION', [
        D('ce_caption_loss', 'none', 'F.cross_entropy(ignore_index=0) on flattened caption logits.'),
    ]),
    'text2imagegan__loss.py': P('NOASSERTION', [
        D('image_to_text_loss', 'none', 'F.cross_entropy on flattened (bs·T, vocab) logits.'),
    ]),
    'graphgps__multilabel_classification_loss.py': P('MIT', [
        D('multilabel_cross_entropy', 'none', 'BCEWithLogitsLoss on the non-NaN (`true == true`) entries.'),
    ]),
    'libkge__loss.py': P('MIT', [
        D('BCEWithLogitsKgeLoss', 'none', 'summed BCE-with-logits against the 1-vs-all label matrix (optional score '
                                          'offset; bce_mean averages the negatives).'),
        D('KLDivWithSoftmaxKgeLoss', 'none',
          'CrossEntropyLoss when labels are indexes; KLDivLoss against the L1-normalised multi-hot label matrix '
          'otherwise (several true entities share the mass).', optional=True, accept=['none', 'soft_target'],
          rd='reading only: CE / KL on normalised multi-hot labels.'),
        D('SoftMarginKgeLoss', 'none', 'SoftMarginLoss on labels mapped to ±1 (labels · 2 − 1).', optional=True,
          accept=['none'], rd='reading only: a logistic loss on ±1 labels.'),
    ]),
    'jointbert__modeling_jointbert.py': P('Apache-2.0', [
        D('JointBERT.forward', 'none',
          'intent CrossEntropyLoss (MSE for one label) + slot CrossEntropyLoss(ignore_index) on the attention-masked '
          'tokens, or a CRF negative log-likelihood.', rd=FRAMEWORK),
    ]),
    's3rec__trainers.py': P('NOASSERTION', [
        D('Trainer.cross_entropy', 'none',
          '−log σ(pos) − log(1 − σ(neg)) per position (+1e-24), masked by pos_ids > 0, sum / mask.sum(): sampled '
          'binary CE for next-item prediction.'),
    ]),
    'chexpert__train.py': P('Apache-2.0', [
        D('get_loss', 'none',
          'per-task binary_cross_entropy_with_logits with pos_weight (or the batch\'s negative/positive ratio) on the '
          '0/1 labels.'),
    ]),
    'unetnamdvt__loss.py': P('NOASSERTION', [
        D('DiceLoss', 'none',
          'soft dice on sigmoid outputs plus F.binary_cross_entropy_with_logits applied to those already-sigmoided '
          'outputs (a double sigmoid), against the given mask.'),
    ]),
    'uwmgi/bce.py': P('NOASSERTION', [
        D('bce', 'none',
          'returns torch.nn.BCEWithLogitsLoss(pr, gt) (`torch.nn` imported as F): a constructor given the tensors as '
          'its weight arguments, not a loss value; the intent is a plain BCE.', optional=True, accept=['none'],
          rd='reading only: the code builds a module instead of computing a loss.'),
    ]),
    'uwmgi/criterion.py': P('NOASSERTION', [
        D('criterion', 'none',
          '0.5 · CrossEntropyLoss(pr, gt.int()) + 0.5 · smp TverskyLoss(mode=\'multilabel\') on the masks.',
          rd='reading only: needs segmentation_models_pytorch.'),
    ]),
    'voxceleb__angleproto.py': P('MIT', [
        D('LossFunction', 'none',
          'angular prototypical loss: cosine similarities scaled by learnable w, b, CrossEntropyLoss against '
          'arange(stepsize) (each utterance\'s own speaker).', rd='reading only: builds its labels on cuda.'),
    ]),
    'clovacall__main.py': P('Apache-2.0', [
        D('nn.CrossEntropyLoss', 'none', 'main(): criterion = nn.CrossEntropyLoss(reduction=\'mean\'), used by train() '
                                         'and evaluate() on the LAS decoder logits.', rd=CALL,
          find='criterion = nn.CrossEntropyLoss(reduction'),
    ]),
    'fastbook__binary_cross_entropy.py': P('NOASSERTION', [
        D('binary_cross_entropy', 'none', '−log(where(targets == 1, σ(x), 1 − σ(x))).mean(): BCE on 0/1 targets.'),
    ]),
    # ------------------------------------------------------------------ negatives
    'barlowtwins__main.py': N('Barlow Twins: cross-correlation matrix, (diag − 1)² + λ·off-diagonal², LARS optimiser',
                              'MIT'),
    'fastchat__train.py': N('SFT data masking with IGNORE_TOKEN_ID = LabelSmoother.ignore_index; the HF Trainer\'s '
                            'default loss', 'Apache-2.0'),
    'diceloss4nlp__dice_loss.py': N('dice loss with a `smooth` constant, (1 − p)^α self-adjusting factor, OHEM masks, '
                                    'F.one_hot targets', 'Apache-2.0'),
    'torchbeast__monobeast.py': N('IMPALA: V-trace advantages, policy-gradient NLL times advantages, entropy and '
                                  'baseline losses', 'Apache-2.0', [
        D('compute_policy_gradient_loss', 'none', 'Σ nll(log_softmax(logits), actions) · advantages.detach().',
          optional=True, accept=['none'], rd='reading only: CE on sampled actions weighted by advantages.'),
    ]),
    'convtasnet__pit_criterion.py': N('SI-SNR with permutation-invariant training; one-hot permutation matrices',
                                      'NOASSERTION'),
    'bcq__discrete_BCQ.py': N('discrete BCQ: smooth-L1 Q loss, imitation NLL on logged actions, Polyak averaging, '
                              'thresholded action masks', 'MIT', [
        D('discrete_BCQ.train', 'none', 'smooth_l1(Q) + nll_loss(imt, action) + 1e-2 · i².mean().', optional=True,
          accept=['none'], rd=FRAMEWORK),
    ]),
    'taming__vqperceptual.py': N('VQGAN: hinge / softplus discriminator losses, LPIPS, adaptive GAN weight, codebook '
                                 'loss', 'MIT'),
    'dbnet__basic_loss.py': N('DBNet: balanced BCE with hard-negative mining, dice, masked L1', 'Apache-2.0', [
        D('BalanceCrossEntropyLoss', 'none', 'binary_cross_entropy on the given shrink map, positives plus the top-k '
                                             'negatives.', optional=True, accept=['none'],
          rd='reading only: BCE with OHEM.'),
    ]),
    'starganv2__solver.py': N('StarGAN v2: BCE adversarial loss against full_like(logits, 1 or 0), R1 penalty, style / '
                              'diversity / cycle L1 losses, EMA by torch.lerp', 'CC-BY-NC-4.0', [
        D('adv_loss', 'none', 'BCE-with-logits against a constant 1 or 0 target.', optional=True, accept=['none'],
          rd='reading only: a GAN loss with hard targets.'),
    ]),
    'waveglow__glow.py': N('WaveGlow flow likelihood: z²/(2σ²) − Σ log s − log det W', 'BSD-3-Clause'),
    'correctandsmooth__outcome_correlation.py': N('Correct & Smooth label propagation: result = α·(A @ result) + '
                                                  '(1 − α)·y over one-hot labels, clamps, residual scaling', 'MIT'),
    'ctgan__ctgan.py': N('CTGAN: WGAN-GP critic, gradient penalty, Gumbel-softmax activations, conditional-vector CE',
                         'BSL-1.1', [
        D('CTGAN._cond_loss', 'none', 'F.cross_entropy(data span, argmax of the one-hot condition span) per discrete '
                                      'column, times the column mask, summed / batch.', optional=True,
          accept=['none'], rd=FRAMEWORK),
    ]),
    'attentiongated__loss.py': N('segmentation: soft dice with a `smooth` constant over one-hot masks, 2-D / 3-D NLL',
                                 'MIT', [
        D('cross_entropy_2D', 'none', 'F.nll_loss(log_softmax) over flattened pixels, / numel.', optional=True,
          accept=['none'], rd='reading only: plain NLL.'),
    ]),
    'tcn__music_test.py': N('polyphonic music: −trace(y·log p + (1 − y)·log(1 − p)) on 88-key piano rolls; an unused '
                            'nn.CrossEntropyLoss', 'MIT', [
        D('train', 'none', 'multi-label BCE written with a trace over the piano-roll targets.', optional=True,
          accept=['none'], rd=FRAMEWORK),
    ]),
}


def header_source(path):
    first = open(path, encoding='utf-8').readline().strip()
    assert first.startswith('# source: '), path
    return first[len('# source: '):]


def line_of(path, d):
    lines = open(path, encoding='utf-8').read().splitlines()
    if d['find']:
        return next(i + 1 for i, s in enumerate(lines) if d['find'] in s)
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
    unchecked = set(RESULTS) - {f'{f}::{d["symbol"]}' for f, s in FILES.items() for d in s['defs']}
    assert not unchecked, sorted(unchecked)
    json.dump(out, open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8'), indent=2, ensure_ascii=False)
    open(os.path.join(CORPUS, 'labels.json'), 'a').write('\n')
    n = sum(len(v['definitions']) for v in out.values())
    t = sum(d['verified'] == 'torch' for v in out.values() for d in v['definitions'])
    print(f'{len(out)} files, {n} definitions, {t} checked in torch')


main()
