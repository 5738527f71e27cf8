#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a nested def, the line matching its `at` text), a call's line the first line matching
its `find` text. A label is "torch" only when verify_fresh11.py has a passing check for that file::symbol in
results.json; otherwise it stays "reading" with the reason in `rd`. Every file here is held out: collected and
labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

FRAMEWORK = 'needs the whole model / framework / training loop to run.'
BUILDER = 'a target builder without a loss of its own'


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

FILES = {
    # ------------------------------------------------------------------ uniform
    'bootstrapnoise__label_smoothing.py': P(NA, [
        D('label_smoothing_CE', 'uniform',
          'label-noise research (adapted from Divide-and-Co-training): one_hot * (1 - e) + e / num_classes, '
          'sum(-log_softmax * target), mean.', eps='e (0.1)', classes='x.size(-1)'),
    ]),
    'osteoporosis__label_smoothing.py': P(NA, [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'osteoporosis X-ray classifier: (1 - epsilon) * one_hot + epsilon / num_classes against log_softmax, '
          'mean / sum / none.', eps='epsilon (0.1)', classes='outputs.size(1)'),
    ]),
    'tentrans__labelsmooth_cross_entropy.py': P(NA, [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'TenTrans NMT toolkit: (1 - eps) * summed NLL + eps / n_words * summed -log p, divided by the number of '
          'rows (fairseq-style, no padding handling).', eps='smoothing', classes='size (n_words)'),
    ]),
    'prs__label_smoothing.py': P(NA, [
        D('nn.CrossEntropyLoss', 'uniform',
          'training script (activation-region study): criterion = nn.CrossEntropyLoss(label_smoothing=smoothing) with '
          'smoothing = config.get("label_smoothing", 0.0) (the checkpoint tag "_norm_ls" marks smoothing > 0).',
          eps='config["label_smoothing"] (default 0.0)', classes='model output size',
          rd='reading only: a torch constructor call.',
          find='criterion = nn.CrossEntropyLoss(label_smoothing=smoothing)'),
    ]),
    'transactiontransformer__label_smoothing.py': P(NA, [
        D('create_categorical_label_smoothing', 'uniform',
          'tabular transaction transformer: one_hot(targets, vocab_size) * (1 - epsilon) + epsilon / vocab_size, '
          f'{BUILDER} (used by compute_smoothed_loss_fast).', eps='epsilon (0.1)', classes='vocab_size',
          optional=True, accept=['uniform']),
        D('create_neighborhood_label_smoothing_vectorized', 'other',
          'one-hot spread evenly over a +-neighborhood_size band of neighbouring token ids, then '
          f'(1 - epsilon) * band + epsilon / vocab_size: smoothing toward neighbours, {BUILDER}.',
          eps='epsilon (0.1)', classes='vocab_size', optional=True, accept=['other']),
        D('compute_smoothed_loss_fast', 'uniform',
          'per categorical feature: logits sliced by vocab size, create_categorical_label_smoothing target, '
          '-(t * log_softmax).sum(-1).mean(); the mean over features.', eps='epsilon (0.1)',
          classes='vocab_sizes[i]'),
        D('create_neighborhood_label_smoothing', 'other',
          f'legacy wrapper returning the neighbourhood target, {BUILDER}.', eps='epsilon (0.1)',
          classes='vocab_size', optional=True, accept=['other']),
    ]),
    'labelrelaxation__label_smoothing.py': P(NA, [
        D('LabelSmoothingLossCanonical', 'uniform',
          'label-noise research (data ambiguation): zeros, scatter 1 - smoothing, then += smoothing / K; '
          'mean(sum(-t * log_softmax)).', eps='smoothing', classes='pred.size(dim)'),
        D('LabelRelaxationLoss', 'other',
          'label relaxation: KL to a credal target, 1 - alpha on the label and alpha * p / sum(p off the label) '
          'elsewhere (built from the model\'s own detached probabilities), loss 0 once p_y > 1 - alpha. '
          'Debatable: a relaxation of smoothing whose target follows the prediction.', eps='alpha (0.1)',
          classes='num_classes', optional=True, accept=['other', 'soft_target']),
        D('BetaLabelRelaxationLoss', 'other',
          'beta label relaxation: with warmup (the default) the same relaxed target as LabelRelaxationLoss; later the '
          'mask also keeps classes with p > beta (adaptive beta schedules). Debatable as above.',
          eps='alpha (0.1)', classes='num_classes', optional=True, accept=['other', 'soft_target']),
        D('BetaLabelRelaxationCRLoss', 'other',
          'the relaxed target from the weak view\'s probabilities, KL against the strong view\'s log-probabilities '
          '(consistency regularisation). Debatable as above.', eps='alpha (0.1)', classes='num_classes',
          optional=True, accept=['other', 'soft_target']),
        D('BetaCompleteAmbiguationLoss', 'other',
          'as BetaLabelRelaxationLoss, and a row whose mask holds two classes becomes fully ambiguous. Debatable as '
          'above.', eps='alpha (0.1)', classes='num_classes', optional=True, accept=['other', 'soft_target']),
    ]),
    'ls2__label_smooth.py': P(NA, [
        D('LabelSmoothing_vec', 'soft_target',
          'backdoor-defence research: -sum(target * log_softmax) with a given target distribution, mean.'),
        D('LabelSmoothing_dynamic', 'uniform',
          '(1 - label_smooth) * NLL + label_smooth * mean(-log p) when label_smooth is passed to forward; with the '
          'default label_smooth=None a plain CE from logits (-x_y + log sum exp(x + 1e-12)). Debatable: smoothing '
          'only when the caller passes it.', eps='label_smooth (forward argument, default None)',
          classes='pred.size(1)', modes={'label_smooth=None (the default)': 'none'}, optional=True,
          accept=['uniform', 'none']),
        D('LabelSmoothing_target', 'uniform',
          'label_smooth rescaled to eps\' = eps (C - 1) / C, rows filled with eps\' / (C - 1) = eps / C and '
          '1 - eps\' = 1 - eps + eps / C on the label: the uniform target written in K - 1 form (float32 targets).',
          eps='label_smooth', classes='class_num',
          modes={'batch of one': 'other (indexes the row, not the class: IndexError unless the label is 0, then '
                                 'every class gets 1.0)'}),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'graphtpa__label_smoothing.py': P(NA, [
        D('LabelSmoothingCrossEntropy', 'k_minus_1',
          'graph network intrusion detection: fill smoothing / (n_classes - 1), scatter 1 - smoothing, '
          '-t * log_softmax summed per row; mean / sum / none.', eps='smoothing (0.1)', classes='inputs.size(-1)',
          modes={'weight given': 'other (per-class weights multiply the smoothed terms)'}),
    ]),
    'svhn2026__label_smooth.py': P(NA, [
        D('LabelSmoothEntropy', 'k_minus_1',
          'SVHN course project: fill smooth / (C - 1), scatter 1 - smooth, sum(-log_softmax * t), mean.',
          eps='smooth (0.1)', classes='preds.shape[1]',
          modes={'class_weights given': 'other (per-class weights multiply the smoothed terms)'}),
        D('FocalLoss', 'none', 'softmax focal loss alpha * (1 - exp(-ce))^gamma * ce on hard labels.'),
    ]),
    'toximf__label_smoothing.py': P(NA, [
        D('LSR', 'other',
          'toxicity prediction: forward(labels, e) returns a two-column target, label 1 -> [0, 1 - e], label 0 -> '
          '[e / (label_num - 1), 0]: rows that are not distributions, no loss.', eps='e',
          classes='label_num (2)', optional=True, accept=['other'], rd=BUILDER),
        D('LabelSmoothing', 'k_minus_1',
          'KLDivLoss(size_average=False) on log-probabilities against fill smoothing / (size - 1), scatter '
          'confidence.', eps='smoothing', classes='size'),
    ]),
    # ------------------------------------------------------------------ k_minus_2_padding
    'targomannmt__loss.py': P(NA, [
        D('SmoothedCrossEntropyLoss', 'k_minus_2_padding',
          'NMT: pad tokens dropped, the pad column cut out (n = V - 1), loss = -alpha * sum log p + beta * NLL + '
          'sum q log q with alpha = eps / (n - 1) = eps / (V - 2) and beta = 1 - eps n / (n - 1): the summed KL to '
          '1 - eps on the label, eps / (V - 2) elsewhere, 0 on padding.', eps='smoothing_amount (0.2)',
          classes='log_probs.size(-1)', modes={'pad_index=None': 'k_minus_1 (eps / (V - 1), no padding)'}),
        D('TeacherStudentLoss', 'soft_target',
          'sequence distillation: -sum(teacher_probs * log_probs) over non-pad target positions, the teacher '
          'decoding without teacher forcing.', rd='reading only: loads a teacher model from its configuration.'),
    ]),
    # ------------------------------------------------------------------ other
    'advpropals__label_smoothing.py': P(NA, [
        D('adversarialLabelSmoothingLoss', 'other',
          'adversarial label smoothing (AdvProp study): (1 - alpha) * onehot(y) + alpha * onehot(argmin softmax) over '
          'torch.eye(10), -mean(sum(t * log(softmax + 1e-8))): the mass goes to the least likely class.',
          eps='alpha (0.02)', classes='10 (torch.eye(10))'),
    ]),
    'ageestimation__label_smoothing.py': P(NA, [
        D('LabelSmoothingLoss', 'other',
          'age estimation: scipy norm.pdf(classes, target, std_smoothing * n_classes) as an unnormalised Gaussian '
          'target over the ordinal classes (the file notes it does not sum to one), F.kl_div(sum) on log-probability '
          'outputs.', eps='std_smoothing', classes='n_classes'),
    ]),
    'ascc__label_smooth.py': P(NA, [
        D('LabelSmoothSoftmaxCE', 'other',
          'adversarial NLP robustness (early pytorch-loss form): lb_pos 0.9 on the label and lb_neg 0.005 elsewhere '
          'whatever the number of classes, ignored rows zeroed, sum / n_valid. Debatable: the defaults are the K - 1 '
          'target for 21 classes only.', eps='lb_pos / lb_neg', classes='logits.size(1)', optional=True,
          accept=['other', 'k_minus_1']),
    ]),
    'dmgsr__label_smooth.py': P(NA, [
        D('LabelSmoothSoftmax', 'other',
          'session recommendation: pytorch-loss style target, 1 - lb_smooth on the label (scatter replaces) and '
          'lb_smooth / K elsewhere (rows sum to 1 - lb_smooth / K), applied to inputs that are already '
          'log-probabilities (its log_softmax is commented out); ignore_index rows dropped. Debatable: the off-label '
          'value is uniform\'s.', eps='lb_smooth (0.1)', classes='logits.size(1)', optional=True,
          accept=['other', 'uniform']),
    ]),
    'faultdiagnosis__label_smoothing.py': P(NA, [
        D('LSR', 'other',
          'bearing fault diagnosis: one_hot scaled to 1 - e, then e / (K - 1) added to every class, the label '
          'included (1 - e + e / (K - 1), rows sum to 1 + e / (K - 1)). Debatable: the off-label value is K - 1\'s.',
          eps='e (0.1)', classes='x.size(1)', optional=True, accept=['other', 'k_minus_1']),
    ]),
    'ganpkmn__label_smoothing.py': P(NA, [
        D('label_smoothing', 'other',
          'Pokemon GAN: random discriminator labels, real y - 0.3 + U(0, 0.5) in [0.7, 1.2], fake y + U(0, 0.2).',
          optional=True, accept=['other'], rd=BUILDER),
    ]),
    'mirnatargeting__label_smoothing.py': P(NA, [
        D('get_soft_labels', 'other',
          'miRNA target prediction (pandas): minority positives [0.05, 0.95], negatives [1 - s, s] with s = '
          'min_major + k * increase growing with instance hardness bins.', eps='min_major / increase',
          classes='2', optional=True, accept=['other'],
          rd=f'reading only: pandas data frames, {BUILDER}.'),
    ]),
    'mlccdclr__label_smoothing.py': P(NA, [
        D('label_smoothing_tradition', 'other',
          'multi-label co-occurrence paper: targets in {1, -1}; every positive label spreads eps / (C - 1) to each '
          'other class, positives 1 - eps: one positive gives the K - 1 target, several give rows summing to more '
          f'than 1; {BUILDER}.', eps='args.eps', classes='target.shape[1]', optional=True,
          accept=['other', 'k_minus_1']),
        D('label_smoothing_dynamic_IST', 'other',
          'from args.generateLabelEpoch on, eps spread by a softmax over learned co-occurrences; before, as '
          f'label_smoothing_tradition; {BUILDER}.', eps='args.eps', classes='target.shape[1]', optional=True,
          accept=['other', 'k_minus_1']),
        D('label_smoothing_dynamic_CST', 'other',
          'from args.generateLabelEpoch on, eps spread by a softmax over feature similarities to class prototypes; '
          f'before, as label_smoothing_tradition; {BUILDER}.', eps='args.eps', classes='target.shape[1]',
          optional=True, accept=['other', 'k_minus_1']),
        D('label_smoothing_partial', 'other',
          'partial labels with epsilon 0.03: positives 1 - eps plus a share of eps per other positive, negatives stay '
          f'near -1 (-1 + co-occurrence * eps); {BUILDER}.', eps='0.03', classes='target.shape[1]',
          optional=True, accept=['other'], rd='reading only: partial-label targets in {-1, 0, 1}.'),
    ]),
    # ------------------------------------------------------------------ soft targets
    'mixupforgraph__mixup.py': P(NA, [
        D('train', 'soft_target',
          'graph mixup (Pubmed): lam ~ Beta(4, 4) with --mixup, loss = lam * NLL(out, y) + (1 - lam) * NLL(out, '
          'y_shuffled) on the training nodes; the model mixes hidden states with the same lam.',
          rd='reading only: module-level argparse, dataset download and model.'),
    ]),
    'speechcommands__mixup.py': P(NA, [
        D('mixup_cross_entropy_loss', 'soft_target',
          'speech commands (from moskomule/mixup.pytorch): -sum(q * log softmax(input).clamp(1e-5, 1)) / N against a '
          'probability target.'),
        D('mixup', 'soft_target',
          'mixup of mel-spectrograms with per-sample w ~ Beta(alpha, alpha): inputs and one-hot targets mixed with '
          f'the same w, {BUILDER}.', optional=True, accept=['soft_target']),
    ]),
    'icsgd__distillation.py': P(NA, [
        D('PatientDistillation', 'soft_target',
          'NLP distillation: T^2 * KL(softmax(t / T) || log_softmax(s / T), batchmean) plus an intra-class feature '
          'MSE to the k nearest teacher features; the student\'s own loss is returned alongside.',
          eps=None, classes=None),
    ]),
    # ------------------------------------------------------------------ none
    'castehate__bce_loss.py': P(NA, [
        D('CustomTrainer.compute_loss', 'none',
          'hate-speech classifier (Hugging Face Trainer): labels one-hot with 2 classes, BCEWithLogitsLoss(weight = '
          'class weights 1 - class frequency); hard targets.', rd=FRAMEWORK,
          at='def compute_loss(self,model,inputs,return_outputs = False):'),
    ]),
    'crnnocr__ctc_loss.py': P(NA, [
        D('Ctc_Loss', 'none', 'OCR: log_softmax over (T, N, C), F.ctc_loss with full input and target lengths.'),
    ]),
    'longtailmlc__bce.py': P(NA, [
        D('BCEWithLogitLoss', 'none',
          'long-tailed multi-label: y log sigmoid(x) + (1 - y) log(1 - sigmoid(x)) with clamps, optional mask, '
          'negative mean. As found self.eps is never set (AttributeError).'),
    ]),
    'sofa__ctc_loss.py': P(NA, [
        D('ctcloss', 'none',
          'singing forced alignment: CTC written out (blanks inserted, alpha recursion in log space with '
          'torch imported as np).', rd='reading only: hard-coded CUDA device.'),
        D('alpha', 'none', 'the alpha recursion behind ctcloss, returning -mean log-likelihood.', optional=True,
          accept=['none'], rd='reading only: hard-coded CUDA device.'),
    ]),
    # ------------------------------------------------------------------ negatives
    'dcasetrident__mixup.py': N('acoustic scene data mixup written to disk: lambda * a + (1 - lambda) * b feature '
                                'files, labels kept in file names; no loss', NA),
    'deepincome__focal_loss.py': N('binary focal loss on probabilities (tabular income prediction)', NA),
    'panspeciesdti__contrastive_loss.py': N('drug-target interaction triplet loss with a sigmoid-cosine distance and '
                                            'a margin scheduled by tanh decay / cosine annealing', NA),
    'pignn__distillation.py': N('graph distillation script: BCELoss between the student softmax and a temperature '
                                'softmax of teacher outputs (no smoothing)', NA),
    'ppocartpole__ppo.py': N('PPO-clip with GAE (episode masks, discount, clamp), value MSE, entropy bonus', NA),
    'reidgansoftmax__gan_loss.py': N('WGAN-GP discriminator for re-id images: interpolates alpha * real + '
                                     '(1 - alpha) * fake, gradient penalty, D_fake - D_real', NA),
    'slabssl__ema.py': N('mean-teacher EMA alpha * ema + (1 - alpha) * param with alpha warm-up, BatchNorm '
                         'statistics refresh (medical segmentation)', NA),
    'sleepstaging__residual.py': N('residual layers x + block(x) (EEG sleep staging)', NA),
    'ultimatepuppi__contrastive_loss.py': N('particle-physics embedding losses: masked pairwise distances '
                                            '(-1 + (c + 1) * same-vertex), vertex-mean separation and variance, '
                                            'norm regulariser', NA),
    'wheezescrackles__focal_loss.py': N('binary focal loss on BCE-with-logits (respiratory sounds)', NA),
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
