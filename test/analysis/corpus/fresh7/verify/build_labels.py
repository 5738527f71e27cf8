#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class), a call's line the first line matching its `find` text. A label is "torch" only when
verify_fresh7.py has a passing check for that file::symbol in results.json; otherwise it stays "reading" with the
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
BUILDER = 'a target builder with no loss in it: Loss Lens may stay silent, but if it speaks it must say this'
NOASSERT = 'NOASSERTION'


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
    'vedastr__label_smooth_cross_entropy_loss.py': P('Apache-2.0', [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'OCR criterion (fast.ai form): log_preds zeroed on ignore_index rows, eps/c · Σ(−log p) (mean over all rows) '
          '+ (1−eps) · nll_loss(ignore_index) with c = pred.size()[-1]. Without ignored rows it is '
          'F.cross_entropy(label_smoothing=eps); with them the smooth term still divides by every row.',
          eps='eps (0.1)', classes='pred.size()[-1]'),
    ]),
    'simplecv__labelsmooth.py': P(NOASSERT, [
        D('CrossEntropyLabelSmooth', 'uniform',
          'Inception-style: scatter_ one-hot, (1−ε)·t + ε/num_classes, (−t·log_softmax).mean(0).sum().',
          eps='epsilon (0.1)', classes='num_classes (1000)'),
    ]),
    'inat2021__losses.py': P(NOASSERT, [
        D('FocalLoss', 'uniform',
          'focal weighting on top of torch\'s own smoothing: ce = F.cross_entropy(reduction=\'none\', '
          'label_smoothing=self.label_smoothing), pt = exp(−ce), α·(1−pt)^γ·ce, mean. With γ = 0 and α = 1 it is '
          'F.cross_entropy(label_smoothing=ε).', eps='label_smoothing (0.1)', classes='inputs.size(-1)',
          modes={'gamma > 0 (default 2.0)': 'uniform-smoothed CE under a focal weight'}),
    ]),
    'flightdelay__focal_loss.py': P(NOASSERT, [
        D('FocalLoss', 'uniform',
          'tabular / time-series classifier: w = (1−p)^γ, (1−s)·nll_loss(w·log p) + s·mean_k(−w·log p), mean over '
          'the batch: the fast.ai uniform form with a focal weight on every log-probability. With γ = 0 it is '
          'F.cross_entropy(label_smoothing=s).', eps='smoothing (required argument)', classes='input_tensor.size(-1)',
          modes={'gamma > 0 (default 2.0)': 'uniform smoothing of focal-weighted log-probabilities'}),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'pct__util.py': P(NOASSERT, [
        D('cal_loss', 'k_minus_1',
          'point-cloud classifier (DGCNN form): one_hot·(1−eps) + (1−one_hot)·eps/(n_class−1) with eps = 0.2 fixed, '
          '−Σ t·log_softmax, mean; smoothing=True by default, else F.cross_entropy.', eps='0.2 (fixed)',
          classes='pred.size(1)', modes={'smoothing=False': 'none (F.cross_entropy)'}),
    ]),
    'xmodaler__label_smoothing.py': P('Apache-2.0', [
        D('LabelSmoothing', 'k_minus_1',
          'captioning criterion (CRLF file): Forward fills ε/(size−1) with size = logP.size(1), scatter_ confidence '
          '1−ε on the target (negative targets remapped to 0 in place), KLDivLoss(none).sum(1), masked_select on '
          'targets >= 0, mean; forward applies it to the G_/U_ logits in the outputs dict.',
          eps='label_smoothing (cfg.LOSSES.LABELSMOOTHING)', classes='logP.size(1)'),
        D('LabelSmoothing.Forward', 'k_minus_1', 'the capitalised helper method that holds the maths forward delegates '
          'to (the class label above is the loss a user builds).', eps='self.label_smoothing', classes='logP.size(1)',
          optional=True, accept=['k_minus_1']),
    ]),
    'emonosukeasr/utils.py': P(NOASSERT, [
        D('to_onehot_ls', 'k_minus_1',
          'ASR target builder: ls_prob·onehot + (1−ls_prob)/(num_classes−1)·(1−onehot) with ls_prob = 0.9 the '
          'confidence, so ε = 1 − ls_prob = 0.1 spread over the K−1 other tokens.', eps='1 − ls_prob (ls_prob = 0.9)',
          classes='num_classes', optional=True, accept=['k_minus_1'], rd=BUILDER),
    ]),
    'emonosukeasr/loss.py': P(NOASSERT, [
        D('label_smoothing_loss', 'k_minus_1',
          'attention ASR loss: onehot_ls = the sibling utils.to_onehot_ls(labels, vocab_size) (ls_prob 0.9 default), '
          'then per utterance −Σ log_softmax(preds[b][:len])·onehot_ls[b][:len] / len, summed over the batch.',
          eps='1 − ls_prob (0.1, from utils.to_onehot_ls)', classes='vocab_size'),
    ]),
    # ------------------------------------------------------------------ k_minus_2_padding
    'interpretability__label_smoothing.py': P(NOASSERT, [
        D('LabelSmoothing', 'k_minus_2_padding',
          'Annotated-Transformer form: x are log-probabilities; true_dist.fill_(ε/(size−2)), scatter_ confidence, '
          'padding column 0, padding rows zeroed by index_fill_, KLDivLoss(reduction="sum"). The file has no '
          'trailing newline.', eps='smoothing (0.0 default)', classes='size'),
    ]),
    # ------------------------------------------------------------------ binary
    'yolor__loss.py': P('GPL-3.0', [
        D('smooth_BCE', 'binary', 'returns (1 − ε/2, ε/2): the positive and negative BCE targets.', eps='eps (0.1)',
          optional=True, accept=['binary'], rd=BUILDER),
        D('BCEBlurWithLogitsLoss', 'none', 'BCE-with-logits times 1 − exp((p − t − 1)/(α + 1e-4)) on the given targets.',
          rd='reading only: a modulating factor on a plain BCE.'),
        D('FocalLoss', 'none', 'focal modulation (1 − p_t)^γ and α weights around an injected BCE-with-logits on the '
          'given targets.', rd='reading only: focal, no smoothing.'),
        D('compute_loss', 'binary',
          'cp, cn = smooth_BCE(eps=0.0): class targets t = full_like(ps, cn) with t[range(n), tcls] = cp, BCEcls(ps, t): '
          'the binary convention wired in with ε fixed to 0.0, so the class targets are plain one-hot. The objectness '
          'target (1 − gr) + gr·iou is an IoU-aware target, not smoothing.', eps='0.0 (off)',
          optional=True, accept=['binary', 'none'], rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ other
    'petgenerator__utils.py': P(NOASSERT, [
        D('real_loss', 'other',
          'GAN discriminator: one-sided label smoothing, torch.ones(n)*0.9 as the real targets when smooth=True, with '
          'an injected criterion (BCE in the training script); fake_loss keeps hard zeros, so it is neither ε/2 on '
          'both sides (binary) nor a class distribution.', eps='0.1 (fixed, when smooth=True)',
          modes={'smooth=False (default)': 'none (hard ones)'}, optional=True, accept=['other', 'binary']),
        D('fake_loss', 'none', 'the injected criterion against torch.zeros(n).', optional=True, accept=['none']),
    ]),
    # ------------------------------------------------------------------ soft targets
    'kdpytorch__loss.py': P(NOASSERT, [
        D('loss_kd', 'soft_target',
          'Hinton distillation: F.kl_div(log_softmax(preds/T), softmax(teacher/T), batchmean)·T²·α + '
          'F.cross_entropy(preds, labels)·(1−α): a teacher distribution as the target, not smoothing.'),
    ]),
    'mbagnet__cross_entropy_multilabel.py': P(NOASSERT, [
        D('CrossEntropyMultiLabel', 'soft_target',
          'multi-label targets normalised to sum 1 (targets / targets.sum(1)), (−t·log_softmax).mean(0).sum(). The '
          'docstring is copied from an Inception-style smoothing class (y = (1 − ε)·y + ε/K) but nothing is smoothed: '
          'no ε exists.', optional=True, accept=['soft_target', 'none']),
    ]),
    'pannsgtzan__losses.py': P(NOASSERT, [
        D('clip_nll', 'soft_target',
          'audio tagging (GTZAN transfer): −mean(target · clipwise_output) where clipwise_output is log_softmax and '
          'target the (one-hot or mixup-mixed) given target; the mean runs over all elements, i.e. NLL / K.',
          optional=True, accept=['soft_target', 'none']),
    ]),
    # ------------------------------------------------------------------ none (plain losses)
    'pygcn__train.py': P('MIT', [
        D('train', 'none', 'GCN node classification: F.nll_loss(output[idx_train], labels[idx_train]) on the model\'s '
          'log_softmax output.', rd=FRAMEWORK),
    ]),
    'gaepytorch__optimizer.py': P('MIT', [
        D('weighted_binary_cross_entropy', 'none',
          'graph auto-encoder (CRLF file): pos_weight=None branch is BCE on probabilities against the adjacency; the '
          'pos_weight branch uses sigmoid(1 − output) for the negative term (a bug, still hard targets).'),
        D('loss_function', 'none', 'norm · weighted BCE + the VAE KL term (−0.5/n_nodes · mean Σ(1 + 2·logvar − μ² − '
          'σ²)).', rd='reading only: weighted_binary_cross_entropy plus a Gaussian KL.'),
    ]),
    'mvtstransformer__loss.py': P('MIT', [
        D('NoFussCrossEntropyLoss', 'none', 'nn.CrossEntropyLoss subclass: F.cross_entropy(inp, target.long().squeeze(), '
          'weight, ignore_index, reduction) for time-series classification.'),
    ]),
    'ssd__loss.py': P('MIT', [
        D('MultiBoxLoss', 'none',
          'SSD: hard negative mining on −log_softmax background scores, F.cross_entropy(reduction="sum") on the kept '
          'priors, smooth-L1 or IoU box loss, both / num_pos (the IoU branch uses an undefined pos_idx).', rd=FRAMEWORK),
    ]),
    'srgnn__model.py': P(NOASSERT, [
        D('nn.CrossEntropyLoss', 'none', 'SessionGraph.__init__: self.loss_function = nn.CrossEntropyLoss() for the '
          'next-item scores.', rd=CALL, find='self.loss_function = nn.CrossEntropyLoss()'),
        D('train_test', 'none', 'model.loss_function(scores, targets − 1) in the training loop (session-based '
          'recommendation); GNNCell\'s newgate + inputgate·(hidden − newgate) is a GRU update, not a target.',
          optional=True, accept=['none'], rd=FRAMEWORK),
    ]),
    'litllama__lora.py': P('Apache-2.0', [
        D('loss_fn', 'none', 'LoRA instruction tuning: shifted next-token F.cross_entropy(ignore_index=-1); prompts are '
          'masked with −1 in the labels.'),
    ]),
    'parseq__trba_system.py': P('Apache-2.0', [
        D('TRBA.training_step', 'none', 'attention STR decoder: F.cross_entropy(logits.flatten(end_dim=1), targets, '
          'ignore_index=self.pad_id); TRBC uses the CTC system.', rd=FRAMEWORK),
    ]),
    'butdvqa__train.py': P('GPL-3.0', [
        D('instance_bce_with_logits', 'none', 'BCE-with-logits against the VQA answer-score targets, times the answer '
          'count; compute_score_with_logits builds a one-hot of the argmax for scoring only.'),
    ]),
    'transformerhw__train.py': P(NOASSERT, [
        D('nn.CrossEntropyLoss', 'none', 'module level: criterion = nn.CrossEntropyLoss(ignore_index=src_pad_idx) for '
          'the translation decoder.', rd=CALL, find='criterion = nn.CrossEntropyLoss(ignore_index=src_pad_idx)'),
    ]),
    'imagesegmentation__solver.py': P(NOASSERT, [
        D('torch.nn.BCELoss', 'none', 'Solver.__init__ (tab-indented file): self.criterion = torch.nn.BCELoss() on the '
          'flattened sigmoid U-Net output against the ground-truth mask.', rd=CALL,
          find='self.criterion = torch.nn.BCELoss()'),
    ]),
    'pytorchcifar__main.py': P('MIT', [
        D('nn.CrossEntropyLoss', 'none', 'module level: criterion = nn.CrossEntropyLoss() for CIFAR-10 training (with '
          'optional one-shot pruning).', rd=CALL, find='criterion = nn.CrossEntropyLoss()'),
    ]),
    # ------------------------------------------------------------------ negatives
    'seoulngcf__bprloss.py': N('BPR: logsigmoid of score differences plus L2 regularisation', NOASSERT),
    'patchtst__RevIN.py': N('reversible instance normalisation: affine weight / bias, subtract-last, eps', 'Apache-2.0'),
    'spotlight__losses.py': N('recommendation losses: pointwise, BPR, hinge, truncated regression, Poisson', 'MIT'),
    'smoothtopk__svm.py': N('smooth top-k SVM losses (temperature tau, margin alpha, smooth / hard split)', 'MIT'),
    'minimalrl__ppo.py': N('PPO: GAE advantages, clipped ratio, smooth-L1 value loss', 'MIT'),
    'wavernn__distribution.py': N('discretised mixture of logistics and Gaussian losses, one_hot(fill_with) sampling',
                                  'MIT'),
    'swinunet__utils.py': N('Dice loss with smooth = 1e-5 on one-hot masks, medical-volume evaluation', NOASSERT),
    'simsiam__builder.py': N('SimSiam projector / predictor with stop-gradient targets', 'CC-BY-NC-4.0'),
    'tabnet__sparsemax.py': N('sparsemax / entmax-1.5 thresholds (tau) and entmoid', 'MIT'),
    'transformerhw__scale_dot_product_attention.py': N('scaled dot-product attention with a masked_fill', NOASSERT),
    'sacpranz__sac.py': N('SAC: entropy-regularised twin-Q targets, alpha tuning, soft target updates', 'MIT'),
    'simclrlt__main.py': N('SimCLR NT-Xent with a diagonal mask and weighted kNN evaluation on one-hot labels',
                           NOASSERT),
    'ganzoo__ACGAN.py': N('AC-GAN: BCE real / fake with hard ones and zeros plus an auxiliary class CE', NOASSERT),
    'simmim__simmim.py': N('masked image modelling: x·(1 − w) + mask_token·w and a masked L1 reconstruction', 'MIT'),
    'diffusionunet__ema.py': N('EMA of parameters: (1 − decay)·param + decay·shadow', NOASSERT),
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
        label = {'source': header_source(path), 'license': spec['license'], 'split': 'tune', 'kind': spec['kind']}
        if spec['kind'] == 'negative':
            label['category'] = spec['category']
        label['definitions'] = defs
        out[file] = label
    listed = {os.path.relpath(os.path.join(r, f), CORPUS) for r, _, fs in os.walk(CORPUS) for f in fs
              if f.endswith('.py') and not r.startswith(HERE)}
    assert listed == set(out), sorted(listed ^ set(out))
    unused = set(RESULTS) - {f'{f}::{d["symbol"]}' for f, s in FILES.items() for d in s['defs']}
    assert not unused, unused
    json.dump(out, open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8'), indent=2, ensure_ascii=False)
    open(os.path.join(CORPUS, 'labels.json'), 'a').write('\n')
    n = sum(len(v['definitions']) for v in out.values())
    t = sum(d['verified'] == 'torch' for v in out.values() for d in v['definitions'])
    print(f'{len(out)} files, {n} definitions, {t} checked in torch')


main()
