#!/usr/bin/python3
"""Writes ../labels.json from the hand-written labels below.

Lines are not typed by hand: a definition's line is found from its `class`/`def` (a "Class.method" symbol is
looked up inside its class), a call's from the n-th line matching `find`. A label is "torch" only when
verify_fresh2.py has a passing check for that file::symbol in results.json; otherwise it stays "reading".
Every file here is held out: labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json')))

NOT_CE = 'not a cross-entropy-family loss over labels: Loss Lens may stay silent'
METHOD = 'a method: findings are per class or function'
TRAIN_FN = 'a training/eval function whose loss is built inline: Loss Lens may stay silent'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, call=None,
      find=None, nth=1, verified_as=None, rd=None):
    return dict(rd=rd, symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, call=call, find=find, nth=nth, verified_as=verified_as)


FILES = {
    # ------------------------------------------------------------------ positives
    'tfkd__my_loss_function.py': dict(license='MIT', defs=[
        D('loss_kd', 'soft_target',
          '(1−α)·CE(y) + α·T²·KLDivLoss()(log_softmax(s/T), softmax(teacher/T)); KLDivLoss() defaults to the mean '
          'over N·K elements. The extra mass follows a teacher distribution: distillation.'),
        D('loss_kd_self', 'soft_target', 'Same as loss_kd, the KL term × params.multiplier (self-teacher).'),
        D('loss_kd_regularization', 'k_minus_1',
          'Virtual teacher: 0.99 on the label, 0.01/(K−1) elsewhere, then softmax(·/T), so a label-determined '
          'distribution equal on every non-target class. (1−α)·CE + α·m·KLDivLoss(mean over N·K) to it is, up to '
          'a constant factor, CE against a (1−ε′)/ε′/(K−1) target (ε′ from α, m, K, T; checked from the gradient: '
          'equal off-class mass in every row). Not a model-dependent target, but ε is not a parameter either.',
          eps='params.reg_alpha', optional='smoothing shape is K−1 but ε is derived from α, T, K and the multiplier',
          accept=['k_minus_1', 'other']),
        D('loss_label_smoothing', 'k_minus_1',
          'alpha = 0.1 hard-coded: full(α/(C−1)), scatter 1−α on the label; −Σ log_softmax·target / N.'),
    ]),
    'repwalk__loss_func.py': dict(license='MIT', defs=[
        D('CrossEntropy', 'k_minus_1',
          'true_dist = eps/(classes−1) with classes = 3 hard-coded, 1−eps scattered on the label; mean soft CE + '
          'β·mean(weight_norm²) (a regulariser on the model, not on the target).', eps='eps'),
    ]),
    'vietocr__labelsmoothingloss.py': dict(license='Apache-2.0', defs=[
        D('LabelSmoothingLoss', 'k_minus_2_padding',
          'zeros, fill smoothing/(cls−2), 1−ε on the label, padding column zeroed and padding rows zeroed; mean '
          'over all rows of −Σ target·log_softmax (OCR seq2seq).', eps='smoothing', classes='classes'),
    ]),
    'pycommon__smooth_celoss.py': dict(license='NOASSERTION', defs=[
        D('CELoss', 'k_minus_1',
          'one_hot(target) clamped to [ε/(K−1), 1−ε]: 1−ε on the label, ε/(K−1) on the others; mean soft CE. '
          'label_smooth=None (the default): −x_y + log Σ exp(x + 1e-12), plain CE. (The commented-out "实现 1" '
          'line would be uniform.)', eps='label_smooth', classes='class_num',
          modes={'label_smooth=None': 'none'}),
    ]),
    'dividemix__Train_cifar.py': dict(license='MIT', defs=[
        D('train', 'other',
          'Label refinement: w·onehot(y) + (1−w)·mean softmax of the net on two views (its own predictions), '
          'sharpened and normalised, then MixMatch mixing; SemiLoss gives soft CE to it. Targets mix the labels '
          'with the model\'s predictions.', optional=TRAIN_FN, accept=['other', 'soft_target']),
        D('warmup', 'other',
          'CEloss (plain CE) + conf_penalty (NegEntropy: Σ p·log p) when noise_mode == "asym": a confidence '
          'penalty; "sym": plain CE.', modes={"noise_mode='sym'": 'none'}, optional=TRAIN_FN,
          accept=['other', 'none']),
        D('SemiLoss', 'soft_target',
          'Lx = −mean Σ log_softmax·targets_x (given mixed/refined distribution), Lu = MSE(probs_u, targets_u).'),
        D('NegEntropy', 'other',
          'mean Σ p·log p of the model\'s own softmax: a confidence-penalty term with no labels.',
          optional=NOT_CE, accept=['other', 'none']),
        D('nn.CrossEntropyLoss', 'none', "CE = nn.CrossEntropyLoss(reduction='none'): per-sample plain CE for the GMM.",
          call=True, find=r"^CE = nn\.CrossEntropyLoss"),
        D('nn.CrossEntropyLoss', 'none', 'CEloss = nn.CrossEntropyLoss(): plain CE for warm-up.', call=True,
          find=r"^CEloss = nn\.CrossEntropyLoss"),
    ]),
    'encoding__loss.py': dict(license='MIT', defs=[
        D('LabelSmoothing', 'uniform', '(1−ε)·nll + ε·mean(−log_softmax) over classes.', eps='smoothing'),
        D('NLLMultiLabelSmooth', 'uniform',
          'training: (1−ε)·Σ −t·log p (t a given, e.g. mixup, distribution) + ε·mean(−log p) = CE to (1−ε)t + ε/K; '
          'eval: F.cross_entropy(x, target).', eps='smoothing', modes={'eval()': 'none'}),
        D('SegmentationLosses', 'none',
          'nn.CrossEntropyLoss subclass: CE (+ aux CE) + BCE(sigmoid(se_pred), class-presence vector) on hard '
          'labels.'),
    ]),
    'convnext__main.py': dict(license='MIT', defs=[
        D('SoftTargetCrossEntropy', 'soft_target',
          "timm's SoftTargetCrossEntropy when mixup/cutmix is on (Mixup builds the smoothed mixed targets): "
          'Σ −t·log_softmax.', call=True, find=r'criterion = SoftTargetCrossEntropy\('),
        D('LabelSmoothingCrossEntropy', 'uniform',
          "timm's LabelSmoothingCrossEntropy(smoothing=args.smoothing): (1−ε)·nll + ε·mean(−log p).",
          call=True, find=r'criterion = LabelSmoothingCrossEntropy\('),
        D('torch.nn.CrossEntropyLoss', 'none', 'Fallback: plain cross-entropy.', call=True,
          find=r'criterion = torch\.nn\.CrossEntropyLoss\('),
    ]),
    'dpo__trainers.py': dict(license='Apache-2.0', defs=[
        D('preference_loss', 'binary',
          'Conservative DPO: −(1−ε)·logσ(β·h) − ε·logσ(−β·h) = BCE-with-logits(β·h, target 1−ε): the "chosen '
          'wins" label 1 smoothed to 1−ε (preferences flipped with probability ε). ipo=True: (h − 1/(2β))², '
          'no log-likelihood.', eps='label_smoothing',
          modes={'ipo=True': 'none', 'label_smoothing=0': 'none'}),
    ]),
    'proselflc__lablesmoothing.py': dict(license='NOASSERTION', defs=[
        D('LabelSmoothing', 'uniform',
          'new target (1−ε)·t + ε/class_num (class_num = pred_probs.shape[1]); CrossEntropy base: '
          'Σ −t·log(p + 1e-6) / N on probabilities.', eps='epsilon'),
    ]),
    'proselflc__labelcorrection.py': dict(license='NOASSERTION', defs=[
        D('LabelCorrection', 'other',
          'new target (1−ε)·t + ε·pred_probs: the label mixed with the model\'s own (not detached) prediction '
          '(Bootsoft / self label correction).', eps='epsilon'),
    ]),
    'proselflc__confidencepenalty.py': dict(license='NOASSERTION', defs=[
        D('ConfidencePenalty', 'other',
          'new target (1−ε)·t − ε·pred_probs, so loss = (1−ε)·CE + ε·Σ p·log p: a confidence penalty.',
          eps='epsilon'),
    ]),
    'proselflc__proselflc.py': dict(license='NOASSERTION', defs=[
        D('ProSelfLC', 'other',
          'Per-example ε = sigmoid(exp_base·(t/T − transit)) × (1 − H(p)/log K); target (1−ε)·t + ε·p (the '
          'model\'s prediction): progressive self label correction.'),
    ]),
    'liteasr__hybrid_ctc_attn.py': dict(license='MIT', defs=[
        D('HybridCTCLoss', 'k_minus_1',
          'Attention branch: fill smoothing/(vocab_size−1), 1−ε on the token, KLDivLoss(reduction="none") with '
          'padding rows masked, summed / batch; plus ctc_weight·CTC.', eps='smoothing', classes='vocab_size'),
    ]),
    'labml__label_smoothing_loss.py': dict(license='MIT', defs=[
        D('LabelSmoothingLoss', 'k_minus_2_padding',
          'x are log-probabilities: fill smoothing/(size−2), confidence on the label, padding column and padding '
          'rows zeroed, KLDivLoss(reduction="sum").', eps='smoothing', classes='size'),
    ]),
    'labml__gan_original.py': dict(license='MIT', defs=[
        D('DiscriminatorLogitsLoss', 'binary',
          'BCE-with-logits against labels drawn once (buffers) from U(1−s, 1) for real and U(0, s) for fake: '
          'noisy two-sided smoothing, in expectation y·(1−s) + s/2.', eps='smoothing',
          optional='random (uniformly drawn) smoothed labels: binary in expectation', accept=['binary', 'other']),
        D('GeneratorLogitsLoss', 'binary',
          'Generator BCE-with-logits against labels from U(1−s, 1) (smoothed "real" targets).', eps='smoothing',
          optional='random (uniformly drawn) smoothed labels, one-sided', accept=['binary', 'other']),
    ]),
    'vitcifar__criterions.py': dict(license='MIT', defs=[
        D('LabelSmoothingCrossEntropyLoss', 'k_minus_1',
          'zeros, fill smoothing/(cls−1), scatter 1−ε; mean −Σ target·log_softmax.', eps='smoothing',
          classes='classes'),
    ]),
    'vitcifar__utils.py': dict(license='MIT', defs=[
        D('get_criterion', 'k_minus_1',
          'Returns LabelSmoothingCrossEntropyLoss(num_classes, smoothing) (sibling criterions.py, K−1) when '
          '--label-smoothing, else nn.CrossEntropyLoss().', eps='args.smoothing', classes='args.num_classes',
          modes={'label_smoothing=False': 'none'}, optional='a factory returning a criterion',
          accept=['k_minus_1', 'none']),
        D('LabelSmoothingCrossEntropyLoss', 'k_minus_1',
          'criterions.LabelSmoothingCrossEntropyLoss: smoothing/(cls−1) off the label (cross-file).', call=True,
          find=r'criterion = LabelSmoothingCrossEntropyLoss\(', verified_as='get_criterion'),
        D('nn.CrossEntropyLoss', 'none', 'Plain cross-entropy.', call=True, find=r'criterion = nn\.CrossEntropyLoss\(',
          verified_as='get_criterion'),
    ]),
    'cvnets__cross_entropy.py': dict(license='NOASSERTION', defs=[
        D('CrossEntropy', 'uniform',
          'F.cross_entropy(..., label_smoothing=self.label_smoothing if self.training else 0.0): torch uniform '
          'smoothing in training (the option defaults to 0.0), plain CE in eval.', eps='label_smoothing',
          modes={'eval()': 'none', 'label_smoothing=0.0 (default)': 'none'}),
        D('CrossEntropy._compute_loss', 'uniform', 'F.cross_entropy with label_smoothing (training only).',
          eps='label_smoothing', optional=METHOD, verified_as='CrossEntropy'),
    ]),
    # ------------------------------------------------------------------ negatives (no smoothing)
    'pycommon__focal_loss.py': dict(license='NOASSERTION', kind='negative', category='focal', defs=[
        D('BCEFocalLoss', 'none', 'Hand-written sigmoid focal loss on 0/1 targets; gamma=0 → alpha-weighted BCE.'),
        D('MultiFocalLoss', 'none', 'Softmax focal loss with per-class alpha on a one-hot mask; gamma=0 → CE.'),
        D('NerFocalLoss', 'none', 'Same on attention-masked tokens.'),
    ]),
    'coteaching__loss.py': dict(license='NOASSERTION', kind='negative', category='noisy labels', defs=[
        D('loss_coteaching', 'none',
          'Small-loss selection: plain F.cross_entropy on the samples the peer network ranks lowest (sum of a mean '
          '/ num_remember). Hard labels.'),
    ]),
    'sasrec__main.py': dict(license='Apache-2.0', kind='negative', category='recommendation', defs=[
        D('torch.nn.BCEWithLogitsLoss', 'none',
          'BCE-with-logits on positive items (ones) and sampled negatives (zeros): hard 0/1.', call=True,
          find=r'bce_criterion = torch\.nn\.BCEWithLogitsLoss\('),
    ]),
    'faceevolve__metrics.py': dict(license='MIT', kind='negative', category='margin', defs=[]),
    'deeplab_xception__loss.py': dict(license='MIT', kind='negative', category='segmentation', defs=[
        D('SegmentationLosses', 'none', "build_loss('ce'|'focal'): nn.CrossEntropyLoss(ignore_index) / batch, or "
          'a focal factor on that batch-mean CE.'),
        D('SegmentationLosses.CrossEntropyLoss', 'none', 'nn.CrossEntropyLoss(weight, ignore_index) / n.',
          optional=METHOD, verified_as='SegmentationLosses'),
        D('SegmentationLosses.FocalLoss', 'none', '−(1−pt)^γ·α·log pt with pt from the batch-mean CE.',
          optional=METHOD, verified_as='SegmentationLosses'),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE with ignore_index=255.', call=True,
          find=r'criterion = nn\.CrossEntropyLoss\(', nth=1),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE inside the focal loss.', call=True,
          find=r'criterion = nn\.CrossEntropyLoss\(', nth=2),
    ]),
    'retinanet__losses.py': dict(license='Apache-2.0', kind='negative', category='detection', defs=[
        D('FocalLoss', 'none',
          'Sigmoid focal loss (α=0.25, γ=2) against one-hot anchor targets (−1 ignored), probabilities clamped '
          'to [1e-4, 1−1e-4] (a numerical clamp, not target smoothing) + smooth-L1 box regression.'),
    ]),
    'ibm_seq2seq__loss.py': dict(license='Apache-2.0', kind='negative', category='plain_ce', defs=[
        D('Loss', 'none', 'Base class wrapping a given torch criterion.', rd='an abstract base (eval_batch raises).', optional='the criterion is given by the '
          'caller: reporting it as delegated (no convention) is right too', accept=['none', None]),
        D('NLLLoss', 'none', 'nn.NLLLoss(weight, size_average) accumulated over batches, averaged per batch.'),
        D('Perplexity', 'none', 'Summed NLL / token count, exponentiated.'),
        D('nn.NLLLoss', 'none', 'Plain NLL.', call=True, find=r'nn\.NLLLoss\(weight'),
    ]),
    'fixmatch__train.py': dict(license='MIT', kind='negative', category='semi-supervised', defs=[
        D('train', 'none',
          'Lx = CE(labels) + λ·mean(CE(strong-aug logits, argmax of weak-aug prediction)·[max prob ≥ τ]): hard '
          'pseudo-labels, thresholded; EMA model; no smoothing.', optional=TRAIN_FN, accept=['none']),
        D('test', 'none', 'F.cross_entropy on the test set.', optional=TRAIN_FN, accept=['none']),
    ]),
    'manifold_mixup__main.py': dict(license='NOASSERTION', kind='negative', category='mixup', defs=[
        D('mixup_criterion', 'soft_target', 'lam·criterion(pred, y_a) + (1−lam)·criterion(pred, y_b): mixup target.'),
        D('nn.BCELoss', 'none', 'bce_loss = nn.BCELoss(); used as bce_loss(softmax(output), reweighted_target) '
          'with mixed (or one-hot) targets from the model.', call=True, find=r'^bce_loss = nn\.BCELoss\(',
          optional='a plain constructor whose inputs are mixup targets', accept=['none', 'soft_target']),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE, used in validate (the input-mixup branch that also used it is '
          'inside a string literal).', call=True,
          find=r'^criterion = nn\.CrossEntropyLoss\('),
        D('train', 'soft_target', 'BCE(softmax(output), mixup/manifold-mixup reweighted targets) or mixup_criterion.',
          optional=TRAIN_FN, accept=['soft_target', 'none']),
    ]),
    'proselflc__crossentropy.py': dict(license='NOASSERTION', kind='negative', category='plain_ce', defs=[
        D('CrossEntropy', 'none',
          'Σ −target_probs·log(pred_probs + 1e-6) / N for a given target distribution (the base the smoothing '
          'classes reuse); one-hot targets give plain CE.', optional='given-distribution CE',
          accept=['none', 'soft_target']),
    ]),
    'cvnets__binary_cross_entropy.py': dict(license='NOASSERTION', kind='negative', category='plain_ce', defs=[
        D('BinaryCrossEntropy', 'none',
          'Index targets → F.one_hot → BCE-with-logits; probability targets are used as given.',
          optional='hard or given-probability targets', accept=['none', 'soft_target']),
    ]),
    'cvnets__soft_kl_distillation.py': dict(license='NOASSERTION', kind='negative', category='distillation', defs=[
        D('SoftKLLoss', 'soft_target',
          'KL(log_softmax(teacher/T) ‖ log_softmax(student/T), log_target=True, batchmean)·T².'),
    ]),
    'meanteacher__losses.py': dict(license='CC-BY-NC-4.0', kind='negative', category='ema', defs=[
        D('softmax_mse_loss', 'none', 'MSE between student and teacher softmax / K.', optional=NOT_CE,
          accept=['none', 'soft_target']),
        D('softmax_kl_loss', 'soft_target', 'KL(softmax(teacher) ‖ log_softmax(student)), summed.'),
        D('symmetric_mse_loss', 'none', 'Σ (a − b)² / K on logits.', optional=NOT_CE, accept=['none']),
    ]),
    'meanteacher__main.py': dict(license='CC-BY-NC-4.0', kind='negative', category='ema', defs=[
        D('train', 'soft_target',
          'class_loss = CE(ignore_index=NO_LABEL, summed)/batch on hard labels + consistency (softmax MSE or KL) '
          'to the EMA teacher\'s prediction; EMA weight update. (`.cuda(async=True)` is a syntax error since '
          'Python 3.7.)', optional=TRAIN_FN, accept=['soft_target', 'none']),
        D('validate', 'none', 'CE(ignore_index=NO_LABEL, summed) on the eval set.', optional=TRAIN_FN,
          accept=['none']),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE (size_average=False, ignore_index=NO_LABEL).', call=True,
          find=r'class_criterion = nn\.CrossEntropyLoss\(', nth=1),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE in validate.', call=True,
          find=r'class_criterion = nn\.CrossEntropyLoss\(', nth=2),
    ]),
    'mocov3__builder.py': dict(license='CC-BY-NC-4.0', kind='negative', category='contrastive', defs=[
        D('MoCo.contrastive_loss', 'none',
          'InfoNCE: nn.CrossEntropyLoss()(q·kᵀ/T, arange labels)·2T; momentum encoder (EMA).', optional=METHOD,
          accept=['none']),
        D('nn.CrossEntropyLoss', 'none', 'Constructed and applied inline to (logits, arange labels): plain CE.',
          call=True, find=r'return nn\.CrossEntropyLoss\(\)\(', optional='an inline construction inside a method',
          verified_as='MoCo.contrastive_loss',
          accept=['none']),
    ]),
}


def first_line_source(path):
    return open(path, encoding='utf-8').readline().strip()[len('# source: '):]


def locate(lines, d):
    if d['call']:
        hits = [i + 1 for i, l in enumerate(lines) if re.search(d['find'], l.strip())]
        return hits[d['nth'] - 1]
    parts = d['symbol'].split('.')
    if len(parts) == 1:
        pat = re.compile(rf'^(class|def)\s+{re.escape(parts[0])}\b')
        hits = [i + 1 for i, l in enumerate(lines) if pat.match(l)]
        return hits[0]
    cls, meth = parts
    start = next(i for i, l in enumerate(lines) if re.match(rf'^class\s+{cls}\b', l))
    for i in range(start + 1, len(lines)):
        if re.match(r'^\S', lines[i]) and not lines[i].startswith('#'):
            break
        if re.match(rf'^\s+def\s+{meth}\b', lines[i]):
            return i + 1
    raise KeyError(d['symbol'])


def main():
    out = {}
    on_disk = sorted(f for f in os.listdir(CORPUS) if f.endswith('.py'))
    assert sorted(FILES) == on_disk, set(FILES) ^ set(on_disk)
    for fname in on_disk:
        spec = FILES[fname]
        lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
        entry = {'source': first_line_source(os.path.join(CORPUS, fname)), 'license': spec['license'],
                 'split': 'holdout'}
        if spec.get('kind') == 'negative':
            entry['kind'] = 'negative'
            entry['category'] = spec['category']
        else:
            entry['kind'] = 'positive'
        defs = []
        for d in spec['defs']:
            key = f"{fname}::{d['verified_as'] or d['symbol']}"
            res = RESULTS.get(key)
            verified = 'torch' if (res and res['pass'] and (not d['call'] or d['verified_as'])) else 'reading'
            o = {'symbol': d['symbol'], 'line': locate(lines, d), 'convention': d['convention']}
            if d['call']:
                o['call'] = True
            o['epsilonParam'] = d['eps']
            o['classesParam'] = d['classes']
            if d['modes']:
                o['modes'] = d['modes']
            why = d['why']
            if verified == 'torch':
                if res['detail'] and not res['detail'].startswith('max|diff|'):
                    why += f" [torch: {res['detail']}]"
            if verified == 'reading':
                why += ' Reading only: ' + (d['rd'] or (
                    'a constructor call; what it builds is torch\'s / timm\'s own class.' if d['call'] else
                    'a training/eval loop that needs models, data loaders and parsed args.'))
            o['why'] = why
            o['verified'] = verified
            if d['optional']:
                o['optional'] = True
                if d['accept'] is not None:
                    o['accept'] = d['accept']
                o['optionalWhy'] = d['optional']
            defs.append(o)
        entry['definitions'] = defs
        out[fname] = entry
    with open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    n = sum(len(e['definitions']) for e in out.values())
    print(f'{len(out)} files, {n} definitions')


if __name__ == '__main__':
    main()
