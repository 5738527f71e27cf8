#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a nested def, the line matching its `at` text), a call's line the first line matching
its `find` text. A label is "torch" only when verify_fresh12.py has a passing check for that file::symbol in
results.json; otherwise it stays "reading" with the reason in `rd`. Every file here is held out: collected and
labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

FAIRSEQ = 'a fairseq criterion: needs fairseq, a model and a sample dict to run.'
HELPERS = 'needs project helpers that are not in the file'


def D(symbol, convention, why, eps=None, classes=None, optional=None, accept=None, rd=None, find=None, at=None):
    """`find`: the text of a constructor call's line (a call label); `at`: the text of a nested def's line."""
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, optional=optional,
                accept=accept, rd=rd, find=find, at=at)


def N(category, license, defs=()):
    return dict(license=license, kind='negative', category=category, defs=list(defs))


def P(license, defs):
    return dict(license=license, kind='positive', defs=defs)


NA = 'NOASSERTION'

FILES = {
    # ------------------------------------------------------------------ uniform
    'hcttb__label_smoothing.py': P(NA, [
        D('LabelSmoothingLoss', 'uniform',
          'TB chest X-ray classifier: forward returns F.cross_entropy(logits, targets, label_smoothing=self.smoothing, '
          'reduction=...); num_classes stored but unused.', eps='smoothing (0.1)', classes='logits.size(1)'),
    ]),
    'calibweightedrisk__label_smooth.py': P(NA, [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'calibration research: scatter one-hot on CPU, (1 - epsilon) * onehot + epsilon / num_classes, '
          '-sum(log_softmax * target); reduction "mean" averages, the default "sum" returns the per-sample vector.',
          eps='epsilon (0.1)', classes='input.size(-1)'),
    ]),
    'bearingfault__focal_loss.py': P(NA, [
        D('FocalLoss', 'uniform',
          'bearing fault diagnosis: ce = F.cross_entropy(..., reduction="none", label_smoothing=self.label_smoothing) '
          'times (1 - p_t)^gamma (p_t from the unsmoothed softmax), optional alpha; smoothing is torch\'s uniform one '
          '(default 0.0, the __main__ test uses 0.1).', eps='label_smoothing (0.0)', classes='inputs.shape[1]'),
        D('AdaptiveFocalLoss', 'uniform',
          'as FocalLoss with gamma from a schedule (register_buffer current_gamma): '
          'F.cross_entropy(label_smoothing=self.label_smoothing) times (1 - p_t)^gamma, mean.',
          eps='label_smoothing (0.0)', classes='inputs.shape[1]'),
    ]),
    'iit__label_smoothing_loss.py': P(NA, [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'pytorch-issue-7455 style: eps * reduce(-sum log p) / n + (1 - eps) * NLLLoss(weight, reduce); with reduce '
          'None the smooth term stays per sample while the NLL is the batch mean (the mean is still the uniform loss).',
          eps='epsilon (0.1)', classes='preds.size(-1)'),
        D('LabelSmoothingLoss', 'other',
          'prepends a block of zero logits (2K columns), fills smoothing / (cls - 1) on every off column, confidence at '
          'the label index (which lands in the zero half), mean over the 2K columns, no batch reduction: not a '
          'distribution unless cls is set to 2K, where it is the K - 1 form over the widened logits.',
          eps='smoothing (0.0)', classes='classes (3)', optional=True, accept=['other', 'k_minus_1']),
        D('FocalLoss', 'none', 'sigmoid focal loss on hard 0/1 targets (alpha * (1 - pt)^gamma * BCE).'),
    ]),
    'boostcamp30__label_smoothing_loss.py': P(NA, [
        D('LabelSmoothing.loss_fn', 'uniform',
          'boostcamp course project: the NVIDIA snippet\'s formula moved into loss_fn(target, x) (arguments '
          'swapped, no forward), confidence * NLL + smoothing * mean(-log p), returned with a macro-F1 metric.',
          eps='smoothing', classes='x.size(-1)'),
    ]),
    'dialogved__criterion.py': P(NA, [
        D('VEDLoss', 'uniform',
          'dialogue generation (fairseq criterion): rc_loss = (1 - eps) * summed NLL + eps / V * summed -sum_v lprobs '
          'over non-pad tokens (eps = args.label_smoothing, default 0): fairseq-style uniform smoothing, pad column '
          'included; bag-of-words and masked-LM terms are plain NLL.', eps='args.label_smoothing (0.0)',
          classes='lprobs.size(-1)', rd=FAIRSEQ),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'healthmoni__label_smoothing.py': P(NA, [
        D('AdaptiveLabelSmoothing', 'k_minus_1',
          'health monitoring: one_hot * (1 - e) + (1 - one_hot) * e / (num_classes - 1) against log_softmax; '
          'adjust_smoothing() changes e.', eps='initial_e (0.1)', classes='num_classes'),
        D('LSR', 'other',
          'the widely copied LSR: scatter_add 1 - e at the label, then += e / (length - 1) on every column, so the '
          'label gets 1 - e + e/(K-1) and rows sum to 1 + e/(K-1).', eps='e (0.1)', classes='x.size(1)'),
    ]),
    'hianet__label_smooth.py': P(NA, [
        D('CE_Label_Smooth_Loss', 'k_minus_1',
          'EEG/eye emotion recognition: weight = epsilon / (input.size(-1) - 1) everywhere, 1 - epsilon scattered at '
          'the label, (-weight * log_softmax).sum(-1).mean(); the classes argument (3) is stored, never used.',
          eps='epsilon (0.15)', classes='input.size(-1)'),
    ]),
    # ------------------------------------------------------------------ padding-aware
    'nlpmilestones__loss.py': P(NA, [
        D('create_smoothed_vectors', 'k_minus_2_padding',
          'from-scratch Transformer: smoothing / (n_cols - len(inds_to_zero) - 1) off the label, 1 - smoothing on it, '
          '0 on the ignored columns; a target builder only ("isn\'t used").', eps='smoothing (0.1)', classes='n_cols',
          optional=True, accept=['k_minus_2_padding']),
        D('SlowLabelSmoothingLoss', 'k_minus_2_padding',
          'drops rows whose target is ignore_index, builds create_smoothed_vectors with the ignore index as the zero '
          'column (eps / (K - 2) elsewhere), clamps at 1e-42, -sum(dist * log_softmax), mean / sum / none.',
          eps='smoothing (0.1)', classes='logits.shape[1]'),
        D('LabelSmoothingLoss', 'k_minus_1',
          'the "fast" version: drops ignore_index rows, (1 - s) * log p_y + s / (K - 1) * sum of the other log probs: '
          'the pad column keeps its eps / (K - 1) share, so unlike the slow version it is K - 1, not padding-aware.',
          eps='smoothing (0.1)', classes='log_probs.shape[1]'),
        D('nn.CrossEntropyLoss', 'uniform',
          'main(): pt_impl = nn.CrossEntropyLoss(ignore_index=0, reduction=reduction, label_smoothing=ls) with '
          'ls = 0.0, a comparison baseline (uniform formula with eps 0).', eps='ls (0.0)', classes='1024',
          optional=True, accept=['uniform', 'none'], rd='reading only: a torch constructor call.',
          find='pt_impl = nn.CrossEntropyLoss(ignore_index=0, reduction=reduction, label_smoothing=ls)'),
    ]),
    # ------------------------------------------------------------------ binary
    'envsound__distillation.py': P(NA, [
        D('KDLoss', 'binary',
          'environmental sound (FSD50K) distillation: targets * (1 - label_smoothing) + 0.5 * label_smoothing, '
          'BCE-with-logits, plus (1 - lam) * Bernoulli KL to sigmoid(teacher / tau); returns (total, gt, kd).',
          eps='label_smoothing (0.1)', classes='2 (per-class Bernoulli)'),
    ]),
    # ------------------------------------------------------------------ other
    'nmtparaphrase__label_smoothing_loss.py': P(NA, [
        D('label_smoothing_loss', 'other',
          'NMT paraphrasing: logits (B, V, T) transposed, eps / V everywhere then masked_fill 1 - eps at the label '
          '(the label loses its eps / V share: rows sum to 1 - eps / V), ignore_index tokens masked, per-sentence '
          'token mean, batch mean.', eps='epsilon (0.1)', classes='input.size(2)'),
    ]),
    'ddas__smooth_ce.py': P(NA, [
        D('SmoothCrossEntropyLoss', 'other',
          'augmentation search: s_by_c = label_smoothing / C, target * (1 - s_by_c) + s_by_c: 1 on the label and '
          's/C off it (rows sum to 1 + s(C-1)/C), integer labels one-hot and moved to CUDA.',
          eps='label_smoothing (0.0)', classes='len(input[0])'),
        D('cross_entropy', 'soft_target', '-sum(target * log_softmax), mean / sum / none, with the target given.',
          optional=True, accept=['soft_target', 'none']),
    ]),
    # ------------------------------------------------------------------ soft targets
    'benson620004__loss.py': P(NA, [
        D('CutmixCriterion', 'soft_target',
          'course project: lam * CrossEntropyLoss()(outputs, targets1) + (1 - lam) * CE(outputs, targets2): a CutMix '
          'target, not smoothing.'),
    ]),
    'rethinkdaar__mixup.py': P(NA, [
        D('mixup_criterion_v1', 'soft_target',
          'audio augmentation study: the nested criterion returns lam * criterion(pred, y_a) + (1 - lam) * '
          'criterion(pred, y_b) with y_b = target[index] (orig criterion when mixup is off).',
          at='def mixup_criterion_v1(pred, target, args):'),
        D('mixup_criterion_v2', 'soft_target',
          'second nested variant (not returned): the same lam-weighted pair of criteria.', optional=True,
          accept=['soft_target'], rd='reading only: a nested def the class never returns.',
          at='def mixup_criterion_v2(mixed_pred, target_a, target_b, args):'),
    ]),
    'tinybert182__kd_loss.py': P(NA, [
        D('PredictionLoss', 'soft_target',
          'CS182 TinyBERT homework: -sum softmax(teacher / t) * log_softmax(student / t), mean.'),
        D('KnowledgeDistillationLoss', 'soft_target',
          'sum of embedding / attention / hidden MSE terms, plus PredictionLoss only when penalize_prediction.',
          optional=True, accept=['soft_target', 'none'], rd='reading only: needs dicts of model outputs.'),
    ]),
    'ctckws__kd_loss.py': P(NA, [
        D('KnowledgeDistillationLoss', 'soft_target',
          'CTC keyword spotter: loss_type "mse" (default) is MSE between logits, "kld" is T^2 * KLDivLoss(batchmean) '
          'between temperature softmaxes.', optional=True, accept=['soft_target', 'none'],
          rd='reading only: the class dispatches to its methods; the KL method is checked.'),
        D('KnowledgeDistillationLoss.kld_Loss', 'soft_target',
          'log_softmax(student / T) against softmax(teacher / T), KLDivLoss(batchmean) * T^2.'),
    ]),
    'rsnaknee__distillation.py': P(NA, [
        D('TeacherDistillationLoss', 'soft_target',
          'knee X-ray multi-label distillation: BCE-with-logits against fused teacher probabilities, weighted by '
          'confidence 2|p - 0.5| and NLP / image agreement, plus optional T^2 * KL(softmax(teacher_probs / T)).'),
        D('CompositeDistillationLoss', 'soft_target',
          'gold-label focal BCE + NLP soft-label focal BCE + distill_weight * TeacherDistillationLoss.',
          rd=f'reading only: {HELPERS} (losses.focal_bce.FocalBCELoss).'),
    ]),
    'multivae__criterion.py': P(NA, [
        D('loss_function_vae', 'soft_target',
          'Mult-VAE recommendation: -mean(sum(log_softmax(recon_x) * x)) over the multi-hot click vector x, plus '
          'anneal * Gaussian KL.', optional=True, accept=['soft_target', 'none'],
          rd='reading only: the likelihood term is the one checked in loss_function_dae.'),
        D('loss_function_dae', 'soft_target',
          'Mult-DAE: -mean(sum(log_softmax(recon_x) * x)), multinomial likelihood of the unnormalised click vector.',
          optional=True, accept=['soft_target', 'none']),
    ]),
    'mcckd__criterion.py': P(NA, [
        D('KLDivLoss', 'soft_target',
          'LLM reasoning distillation: softmax(teacher / T) and softmax(student), each + eps and renormalised by '
          'powmax, sum t * (log t - log s), optional mask, mean.', rd=f'reading only: {HELPERS} (src.utils.powmax).'),
        D('RewardLoss', 'none',
          'reward model: -log sigmoid(mean chosen - mean rejected reward), no target smoothing.', optional=True,
          accept=['none'], rd=f'reading only: {HELPERS} (src.utils.masked_mean).'),
    ]),
    # ------------------------------------------------------------------ none
    'graphens__ce.py': P(NA, [
        D('CrossEntropy', 'none', 'graph imbalance (GraphENS): F.cross_entropy(input, target, weight, reduction).'),
    ]),
    'ubc__bce.py': P(NA, [
        D('BCELoss', 'none', 'one-hot of the labels, BCEWithLogitsLoss, times loss_term_weight.'),
    ]),
    'xray__bce.py': P(NA, [
        D('get_bce_loss', 'none',
          'chest X-ray multi-label: returns nn.BCEWithLogitsLoss (with pos_weight when weighted); uncertain -1 labels '
          'are mapped to 0 only for the pos_weight count.'),
    ]),
    'kagglerainforest__criterion.py': P(NA, [
        D('ImprovedPANNsLoss', 'none',
          'Kaggle Rainforest audio: BCE-with-logits on the clip logit + BCE on the framewise max, hard labels.'),
        D('FocalLoss', 'none', 'binary focal loss on labelled rows (BCE * (1 - p)^g for positives, p^g otherwise).'),
        D('BCEWithLogitsLoss', 'none', 'nn.BCEWithLogitsLoss on the output_key logits.'),
        D('LSEPLoss', 'none', 'pairwise log-sum-exp ranking loss on hard labels.', optional=True, accept=['none'],
          rd='reading only: a ranking loss, no cross-entropy target.'),
        D('LSEPStableLoss', 'none', 'stable LSEP plus BCE on the negative (-1) labels against zeros.', optional=True,
          accept=['none'], rd='reading only: hard-coded CUDA.'),
        D('softmax_mse_loss', 'none',
          'mean-teacher consistency: summed squared difference of softmaxes / C (not a cross-entropy).',
          optional=True, accept=['none', 'soft_target']),
        D('softmax_kl_loss', 'soft_target', 'mean-teacher consistency: summed KL(softmax(target) || softmax(input)).'),
    ]),
    # ------------------------------------------------------------------ negatives
    'serlabelimbalance__mixup.py': N('speech emotion recognition: label-adaptive mixup of waveforms (0.5 / 0.5) and of '
                                     'soft label vectors by length ratio lam * y + (1 - lam) * y[perm]; no loss', NA),
    'brainwavegnn__mixup.py': N('EEG graph classification: Mixup / ProgressiveMixup batch transforms, lam * one_hot + '
                                '(1 - lam) * one_hot[perm] on labels; no loss', NA),
    'diffunetamos__label_smoothing.py': N('medical segmentation work in progress: a class named LabelSmoothing with '
                                          'epsilon / confidence attributes that are never used; __call__ overwrites '
                                          'the one-hot labels with distances to class centroids', NA),
    'pointerseqgan__gan_loss.py': N('SeqGAN dialogue: policy-gradient loss, top-1 log-probabilities times rollout '
                                    'rewards', NA),
    'ankangan__gan_loss.py': N('GAN course code: discriminator / generator losses with a given criterion against '
                               'zeros_like / ones_like (hard labels), (real + fake) / 2', NA),
    'dcgen__gan_loss.py': N('3D medical volume patch GAN: hinge or BCE discriminator / generator losses with hard '
                            'ones / zeros, spectral-norm Conv3d discriminator', NA),
    'petage__ema.py': N('pet age estimation: model EMA, ema.mul_(decay).add_(param * (1 - decay))', NA),
    'pytips__target_encoding.py': N('tabular target encoding with smoothing: (means * counts + global_mean * '
                                    'smoothing) / (counts + smoothing), pandas; no loss', NA),
    'tabulartransformer__loss.py': N('tabular transformer: get_loss_function maps names to torch loss classes and '
                                     'instantiates one with **loss_kwargs (no smoothing written)', NA),
    'temporalavsr__criterion.py': N('audio-visual speech recognition: fairseq criterion whose loss comes from the '
                                    'model; token accuracy with a -100 mask, WER with editdistance', NA),
    'scarf__infonce.py': N('tabular self-supervised learning (SCARF): InfoNCE with cosine logits / temperature and '
                           'arange / zeros labels', NA),
    'rmgdkd__distillation.py': N('traffic forecasting regression distillation: masked MAE hard loss, smooth-L1 '
                                 'between student / teacher predictions divided by a temperature, confidence and '
                                 'curriculum masks, feature / relation MSE', NA),
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
    unchecked = [f'{f}::{d["symbol"]}' for f, v in out.items() for d in v['definitions']
                 if d['verified'] == 'reading' and 'reading only' not in d['why'].lower()]
    assert not unchecked, unchecked
    print(f'{len(out)} files, {n} definitions, {t} checked in torch')


main()
