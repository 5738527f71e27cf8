#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a nested def, the line matching its `at` text), a call's line the first line matching
its `find` text. A label is "torch" only when verify_fresh10.py has a passing check for that file::symbol in
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


NA = 'NOASSERTION'
CTC = 'reading only: CTC.'

FILES = {
    # ------------------------------------------------------------------ uniform
    'gpt2scratch__loss.py': P(NA, [
        D('compute_loss', 'uniform',
          'GPT-2 from scratch: logits / labels flattened over the tokens, F.cross_entropy(label_smoothing='
          'label_smoothing) with the default 0.1.', eps='label_smoothing (0.1)', classes='logits.size(-1)'),
    ]),
    'ssllongtail__class_loss.py': P(NA, [
        D('CrossEntropyLoss_labelsmooth', 'uniform',
          'ISIC skin lesions: one-hot · (1 − ε) + ε / num_classes, (−t · log_softmax).mean(0).sum() when label_w is '
          'None (the default; label_smooth=False sets ε to 0). Given label_w, each row of a class-weighted matrix '
          '(diagonal label_w·(1 − ε + ε/K), off-diagonal ε(K − 1)/K over the other classes\' inverse weights) is '
          'used instead: rows that do not sum to 1.', eps='epsilon (0.1)', classes='num_classes',
          modes={'label_w given': 'other (class-weighted smoothing matrix)'}),
        D('PCsoftmaxCE', 'none',
          'NLL of a prior-corrected softmax exp(x) / Σ p·exp(x) with p ∝ 1/weight, on the hard labels: a class '
          'prior reweights the softmax, the target stays one-hot.'),
        D('BCElLoss', 'none', 'BCE with logits on the one-hot labels with pos_weight = (K − 1)·2α (·weight).',
          rd='reading only: builds its pos_weight with .cuda().'),
        D('FocalLoss', 'none', 'softmax focal loss −w·(1 − p_y + 0.001)^γ·log(p_y + 0.001) on the hard labels.'),
        D('FixMatch_CELoss', 'none',
          'FixMatch: the injected criterion on labelled rows plus on confident argmax pseudo-labels (threshold '
          '0.95); hard targets.', optional=True, accept=['none'], rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'ocrstack__label_smooth_loss.py': P(NA, [
        D('LabelSmoothingLoss', 'k_minus_1',
          'OCR decoder: targets = argmax of the one-hot text shifted by one, logits and targets packed with '
          'pack_padded_sequence(lengths + 1); true_dist filled with ε / (classes − 1), scatter 1 − ε, mean of '
          '−Σ t·log_softmax over the packed tokens.', eps='smoothing', classes='classes'),
    ]),
    # ------------------------------------------------------------------ k_minus_2_padding
    'transformerpractice__label_smoothing.py': P(NA, [
        D('LabelSmoothing', 'k_minus_2_padding',
          'Annotated-Transformer style: full_like(x, ε / (size − 2)), scatter 1 − ε, padding column 0, padding rows '
          '0, KLDivLoss(sum) on log-probabilities. As found, index_fill_(0, mask.long(), 0) treats the boolean '
          'mask\'s 0 / 1 values as row indices and also zeroes rows 0 and 1; every other row is the padding-aware '
          'K − 2 target.', eps='smoothing', classes='size'),
    ]),
    # ------------------------------------------------------------------ binary
    'kaggleclouds__experiments.py': P(NA, [
        D('LabelSmoother', 'binary',
          'cloud segmentation: maps binary labels to (eps, 1 − eps) as (t + eps/(1 − 2eps))·(1 − 2eps) = '
          't·(1 − a) + a/2 with a = 2·eps: the BCE-target form; a target builder with no loss in it.',
          eps='eps (1e-4)', optional=True, accept=['binary']),
    ]),
    # ------------------------------------------------------------------ prior
    'mls__masked_label_smoothed_cross_entropy.py': P('MIT', [
        D('label_smoothed_nll_loss', 'prior',
          'Masked Label Smoothing (MT): the fairseq formula (1 − ε − ε_i)·nll + ε_i·smooth with ε_i = ε/(|M| − 1) but '
          'the smooth term summed only over M, the target-language tokens of the joint vocabulary: for a label in M '
          'the target is (1 − ε\')·onehot + ε\'·u_M with u_M uniform on M (0 elsewhere) and ε\' = ε|M|/(|M| − 1): '
          'smoothing toward a fixed non-uniform distribution over the K outputs, not 1/K.',
          eps='epsilon', classes='len(mask_labels)', optional=True, accept=['prior', 'other']),
        D('LabelSmoothedCrossEntropyCriterion', 'prior',
          'fairseq criterion registered as masked_label_smoothed_cross_entropy: calls label_smoothed_nll_loss with '
          'mask_labels = the target-vocabulary ids and ignore_index = padding.', eps='label_smoothing',
          classes='len(self.masked_labels)', optional=True, accept=['prior', 'other'], rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ other
    'antmmf__binary_cross_entropy_with_label_smoothing.py': P('Apache-2.0', [
        D('get_labels_tensor_from_indices', 'other',
          'knowledge-graph entities: multi-hot labels from scatter_add (column 0, the mask, zeroed), then '
          '(1 − ε)·labels + ε·labels.mean(1): toward the row\'s own fraction of positives, neither ε/2 (binary) nor '
          'ε/K per class; a target builder.', eps='label_smoothing', classes='num_embeddings', optional=True,
          accept=['other']),
        D('BinaryCrossEntropyLossWithLabelSmoothing', 'other',
          'nn.BCELoss on get_labels_tensor_from_indices(..., label_smoothing=0.1).', eps='0.1 (hard-coded)',
          classes='num_entities'),
    ]),
    'sstnet__loss.py': P(NA, [
        D('LabelSmoothingBCEWithLogitsLoss', 'other',
          'BCE-with-logits targets t·(1 − ε) + ε: a 1 stays 1 and a 0 becomes ε (one-sided toward 1), not the '
          't(1 − ε) + ε/2 binary form; its docstring promises [ε, 1 − ε].', eps='smoothing (0.0)', classes=None),
        D('get_loss_function', 'none', 'returns a plain nn.BCEWithLogitsLoss().'),
        D('SupConLoss', 'none', 'supervised contrastive loss with a same-label mask; no smoothing.', optional=True,
          accept=['none'], rd='reading only: a contrastive loss, no cross-entropy target to compare with.'),
    ]),
    'slnsound/training_helpers.py': P(NA, [
        D('SLN', 'other',
          'stochastic label noise: y + σ·N(0, 1) on the one-hot targets (no loss in it).', eps='sigma',
          optional=True, accept=['other', 'soft_target']),
        D('label_correction', 'soft_target',
          'after args.correction epochs: targets ← w·original + (1 − w)·one-hot(EMA-model argmax) with w the '
          'min-max normalised loss per sample: label correction toward the model\'s predictions, not smoothing.',
          optional=True, accept=['soft_target', 'none'], rd=FRAMEWORK),
    ]),
    'slnsound/training_loops.py': P(NA, [
        D('_train_step', 'other',
          'y ← SLN(y, σ) (stochastic label noise on one-hot targets), then −Σ log_softmax · y per row, mean.',
          eps='args.sigma', optional=True, accept=['other', 'soft_target'], rd=FRAMEWORK),
        D('_test_step', 'none', 'F.cross_entropy on the test labels.', rd=FRAMEWORK),
        D('_train_step_sound', 'other', 'the same SLN soft CE on np.eye one-hot sound labels under autocast.',
          eps='args.sigma', optional=True, accept=['other', 'soft_target'], rd=FRAMEWORK),
        D('_test_step_sound', 'none', 'F.cross_entropy on the clip-averaged predictions.', rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ soft targets
    'uniperceiver__soft_target_cross_entropy.py': P('Apache-2.0', [
        D('CrossEntropyWithSoftTarget', 'soft_target', '−Σ target·log_softmax(x), mean (fp32 optional).'),
        D('SoftTargetCrossEntropy', 'soft_target',
          'registry wrapper: CrossEntropyWithSoftTarget per output, times loss_weight; the targets come from the '
          'data pipeline (mixup and the like).'),
    ]),
    'erasus__kl_divergence.py': P(NA, [
        D('KLDivergenceLoss', 'soft_target',
          'unlearning by distillation: T²·KL(softmax(teacher/T) ‖ softmax(student/T)), batchmean.'),
    ]),
    'cotm__neuralNetworkSP.py': P(NA, [
        D('MCTSChessNN._calculate_loss', 'soft_target',
          'AlphaZero-style chess: F.cross_entropy(policy_logits, MCTS visit distribution) + MSE(value): a '
          'distribution target from search, not smoothing.'),
    ]),
    # ------------------------------------------------------------------ none
    'erasus__custom_losses.py': P(NA, [
        D('NegativeLogLikelihoodLoss', 'none', 'a wrapper around nn.NLLLoss().'),
        D('ContrastiveLoss', 'none', 'F.cosine_embedding_loss with a margin.', optional=True, accept=['none'],
          rd='reading only: a cosine embedding loss, not a cross-entropy.'),
        D('BoundaryLoss', 'none',
          'unlearning: mean of (top-1 − top-2 softmax probability)², pushing samples toward the decision boundary; '
          'no targets.', optional=True, accept=['none'], rd='reading only: no target distribution.'),
    ]),
    'metagenomeai__loss_fn.py': P(NA, [
        D('ProteinLoss.cross_entropy_loss', 'none', 'protein function classes: F.cross_entropy(pred, target) · weight.'),
    ]),
    'gmvgae__optimizer.py': P(NA, [
        D('loss_function', 'none',
          'graph auto-encoder: norm · BCE-with-logits on the adjacency labels with pos_weight = labels · pos_weight.'),
    ]),
    'caaibdsc__loss_function.py': P(NA, [
        D('entropy_loss', 'none', 'link prediction: BCE with ones for positive and zeros for negative edge scores.'),
        D('multi_label_loss', 'none', 'torchvision sigmoid_focal_loss(alpha=0.95, sum) on multi-label edge classes.',
          optional=True, accept=['none'], rd='reading only: needs torchvision.'),
        D('auc_surrogate_loss', 'none', 'per class, Σ (1 − s_pos + s_neg)² over positive / negative score pairs.',
          optional=True, accept=['none'], rd='reading only: a squared-hinge AUC surrogate, not a cross-entropy.'),
    ]),
    'sls__mstcn.py': P(NA, [
        D('compute_loss', 'none',
          'sign-language segmentation (MS-TCN): per stage F.cross_entropy(ignore_index=-1) + 0.15 · a clamped MSE '
          'between adjacent frames\' log-probabilities ("smoothing" of predictions over time, not of labels).'),
        D('MSTCNLoss', 'none', 'returns compute_loss\'s total.'),
        D('compute_smoothing_loss', 'none',
          'the temporal smoothing term alone: MSE between log_softmax of frames t and t − 1 (detached), clamped.',
          optional=True, accept=['none'], rd='reading only: an MSE between predictions, no target.'),
    ]),
    'multistagerec__util.py': P(NA, [
        D('train_step', 'none', 'recommender training step: nn.CrossEntropyLoss() on the item logits.'),
        D('custom_cross_entropy_loss', 'none',
          'an unfinished sampled-softmax correction: label_probs is the empty string (torch.log fails) and '
          'nn.CrossEntropyLoss(logits, true_labels) builds a module instead of a loss; nothing is smoothed.',
          optional=True, accept=['none'], rd='reading only: cannot run as written.'),
    ]),
    'asrconformer__loss.py': P(NA, [
        D('CTCLossWrapper', 'none', 'ASR: nn.CTCLoss on the transposed (T, B, V) log-probabilities.'),
    ]),
    'dalio__compute_loss.py': P(NA, [
        D('CrossEntropyLoss', 'none',
          'a GPT-2 script: shifted causal-LM logits / labels, CrossEntropyLoss(ignore_index=-1) (the labels are the '
          'input ids, so nothing is ignored); commented-out variants below.',
          rd='reading only: a constructor call: what it builds is torch\'s own class.',
          find='loss_fct = CrossEntropyLoss(ignore_index=-1)'),
    ]),
    'maestroml__train.py': P(NA, [
        D('train', 'none', 'music genre classification: criterion = nn.CrossEntropyLoss() in the training loop.',
          rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ negatives
    'alchemihsi__contrastive.py': N('symmetric InfoNCE over normalised embeddings with arange labels (hyperspectral)', NA),
    'nanogrpo__ppo.py': N('PPO-clip objective: clipped ratio·advantage, value MSE, entropy bonus (file ends in a '
                          'trailing comma, returning a 1-tuple)', NA),
    'transformerppo__PPO_loss.py': N('PPO clipped surrogate with a value MSE and an entropy term', NA),
    'rlhfbaselines__train_utils.py': N('RLHF: Bradley–Terry preference loss −log σ(r_c − r_r) and a policy gradient '
                                      'with a KL penalty to a frozen reference model', NA),
    'sls__smoothing_loss.py': N('"SmoothingLoss": clamped MSE between adjacent frames\' log-softmax (temporal '
                                'smoothing of predictions, not label smoothing)', NA),
    'smlvsdl__ordinal_regression_pytorch.py': N('ordinal regression: MSE against cumulative 1…1 0…0 targets (the file '
                                                'lacks its torch / List imports)', NA),
    'sslightning4med__train_mean_teacher.py': N('mean teacher for medical segmentation: EMA α·θ_ema + (1 − α)·θ with '
                                                'α warm-up, sigmoid-ramped consistency weight, injected criterion', NA),
    'depth3d__SiLog.py': N('SILog depth loss: mean(d²) − λ·mean(d)² on masked log-depth differences', NA),
    'dinolavt__language_gate.py': N('language gate: x + tanh-MLP(x_res)·x_res residual gating', NA),
    'gravity__loss.py': N('GAN training functions: non-saturating softplus losses, R1 penalty, path-length '
                          'regularisation, WGAN-GP (module-level functions taking self; imports missing)', NA),
    'hawkeye__arcface_head.py': N('ArcFace head: one_hot·φ + (1 − one_hot)·cos θ, scaled logits (vehicle re-id)', NA),
    'jifr__loss.py': N('recommendation: BPR −log σ(pos − neg) clamped, TrustSVD rating MSE + link MSE against '
                       'ones_like + a regulariser', NA),
    'mit68301__losses.py': N('InfoNCE and an RMSE-distance NCE with arange labels (CIFAR-10 contrastive project)', NA),
    'noisereduction__ResCon.py': N('residual connection a·x + b·module(x) (speech denoising layer)', NA),
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
