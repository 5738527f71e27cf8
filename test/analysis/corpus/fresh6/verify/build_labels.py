#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below.

Lines are found, not typed: a definition's line is its top-level `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a nested def, the line matching its `at` text), a call's line the first line matching
its `find` text. A label is "torch" only when verify_fresh6.py has a passing check for that file::symbol in
results.json; otherwise it stays "reading" with the reason in `rd`. Every file here is held out: collected and labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call; what it builds is timm\'s / torch\'s own class.'
FRAMEWORK = 'needs the whole model / framework / training loop to run.'
BUILDER = 'a target builder with no loss in it: Loss Lens may stay silent, but if it speaks it must say this'
DISTILL = 'a teacher distribution as the target (distillation / consistency), not smoothing of class labels'


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
    'darts__train_imagenet.py': P('Apache-2.0', [
        D('CrossEntropyLabelSmooth', 'uniform',
          'one-hot by scatter_, (1−ε)·onehot + ε/num_classes, (−t·log_softmax).mean(0).sum(); built in main() '
          'with CLASSES = 1000 and args.label_smooth (0.1). The file also has a pre-3.7 `.cuda(async=True)`.',
          eps='epsilon', classes='num_classes'),
    ]),
    'spos__utils.py': P('MIT', [
        D('CrossEntropyLabelSmooth', 'uniform',
          'the same Inception-style class: scatter_ one-hot, (1−ε)·t + ε/num_classes, −t·log p summed per row, '
          'mean over the batch.', eps='epsilon', classes='num_classes'),
    ]),
    'mldecoder__losses.py': P('MIT', [
        D('AsymmetricLoss', 'none',
          'multi-label ASL: clipped negatives, y·log p + (1−y)·log(1−p) with asymmetric focusing weights on the '
          'given targets; no smoothing.', rd='reading only: a focal-style weight on whatever multi-hot target is given.'),
        D('AsymmetricLossOptimized', 'none', 'the in-place variant of AsymmetricLoss.',
          rd='reading only, as AsymmetricLoss.'),
        D('ASLSingleLabel', 'uniform',
          'scatter_ one-hot, asymmetric focusing weights on log_softmax, then `if self.eps > 0`: '
          't·(1−ε) + ε/num_classes with num_classes = inputs.size()[-1]; −Σ t·w·log p, mean. With both gammas 0 '
          'it is F.cross_entropy(label_smoothing=ε).', eps='eps (0.1)', classes='inputs.size()[-1]',
          modes={'eps=0': 'none (focal-weighted NLL)'}),
    ]),
    'efficientvit__label_smooth.py': P('Apache-2.0', [
        D('label_smooth', 'uniform',
          'scatter_ one-hot of shape (batch, n_classes), torch.add(t·(1−s), s/n_classes); the trainer feeds it to a '
          'soft-target criterion.', eps='smooth_factor (0.1)', classes='n_classes', optional=True,
          accept=['uniform']),
    ]),
    'lora__model.py': P('MIT', [
        D('GPT2LMModel.forward', 'uniform',
          '`if label_smooth > 0.0001`: (1−ε)·nll + ε·(−log_softmax).mean(-1) over the vocabulary, else '
          'CrossEntropyLoss(ignore_index=-1, reduce=False); masked sum / (mask.sum() + 1e-4).',
          eps='label_smooth (default 0.0)', classes='lm_logits.size(-1)',
          modes={'label_smooth=0.0 (default)': 'none (plain CE)'}),
    ]),
    'internimage__main.py': P('MIT', [
        D('LabelSmoothingCrossEntropy', 'uniform',
          'build_criterion: timm LabelSmoothingCrossEntropy(smoothing=config.MODEL.LABEL_SMOOTHING) when no mixup '
          'and smoothing > 0.', rd=CALL, find='criterion = LabelSmoothingCrossEntropy('),
        D('SoftTargetCrossEntropy', 'soft_target', 'timm SoftTargetCrossEntropy() when mixup is on.', rd=CALL,
          find='criterion = SoftTargetCrossEntropy()'),
        D('torch.nn.CrossEntropyLoss', 'none', 'otherwise torch.nn.CrossEntropyLoss().', rd=CALL,
          find='criterion = torch.nn.CrossEntropyLoss()'),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'ofa__label_smoothed_cross_entropy.py': P('Apache-2.0', [
        D('label_smoothed_nll_loss', 'k_minus_1',
          'fairseq\'s later form: eps_i = ε/(V−1), (1−ε−eps_i)·nll + eps_i·Σ(−lprobs), summed. With '
          'constraint_masks / constraint_start the smoothing runs over the allowed classes only (ε/(K_allowed−1+1e-6)); '
          'drop-worst and R-Drop (symmetric KL between the two halves) are added on top.',
          eps='epsilon', classes='lprobs.size(-1)',
          modes={'constraint_masks / constraint range': 'k_minus_1 over the allowed classes (+1e-6)',
                 'use_rdrop': 'adds reg_alpha · symmetric KL between dropout twins'}),
        D('AdjustLabelSmoothedCrossEntropyCriterion', 'k_minus_1',
          'compute_loss drops padding rows and calls the module-level label_smoothed_nll_loss with self.eps '
          '(cfg.label_smoothing).', eps='cfg.label_smoothing', classes='vocabulary',
          rd='reading only: a fairseq criterion; its maths is the helper\'s, checked above.'),
    ]),
    'selfcritical/losses.py': P('MIT', [
        D('LanguageModelCriterion', 'none',
          '−input.gather(target) on log-probabilities, masked, sum / mask.sum().'),
        D('LabelSmoothing', 'k_minus_1',
          'input is log-probabilities; true_dist.fill_(ε/(size−1)) with size = input.size(1) after the reshape, '
          'scatter_ 1−ε on the label (the K−2 padding line is commented out), KLDivLoss(reduce=False).sum(1) · mask, '
          'sum / mask.sum().', eps='smoothing', classes='input.size(1)'),
    ]),
    'selfcritical/loss_wrapper.py': P('MIT', [
        D('LossWrapper', 'k_minus_1',
          'the sibling module\'s losses.LabelSmoothing(smoothing=opt.label_smoothing) when opt.label_smoothing > 0, '
          'else losses.LanguageModelCriterion(); plus RL / structure losses.', eps='opt.label_smoothing',
          modes={'opt.label_smoothing = 0': 'none (LanguageModelCriterion)'}, optional=True, accept=['k_minus_1'],
          rd='reading only: a wrapper; the class it builds is checked in losses.py.'),
    ]),
    # ------------------------------------------------------------------ binary
    'pytorchyolov4__loss.py': P('NOASSERTION', [
        D('smooth_BCE', 'binary', 'returns (1 − ε/2, ε/2): the positive and negative BCE targets.', eps='eps (0.1)',
          optional=True, accept=['binary']),
        D('BCEBlurWithLogitsLoss', 'none', 'BCE-with-logits times 1 − exp((p − t − 1)/(α + 1e-4)) on the given targets.',
          rd='reading only: a modulating factor on a plain BCE.'),
        D('FocalLoss', 'none', 'focal modulation (1 − p_t)^γ and α weights around a BCE-with-logits on the given '
          'targets.', rd='reading only: focal, no smoothing.'),
        D('compute_loss', 'binary',
          'cp, cn = smooth_BCE(eps=0.0): class targets t = full_like(ps, cn) with t[i, tcls] = cp, BCEcls(ps, t): the '
          'binary convention wired in with ε fixed to 0.0, so the targets are plain one-hot.', eps='0.0 (off)',
          optional=True, accept=['binary', 'none'], rd=FRAMEWORK),
    ]),
    # ------------------------------------------------------------------ other
    'conve/main.py': P('MIT', [
        D('main', 'other',
          'training loop: e2_multi = (1 − args.label_smoothing)·e2_multi + 1/e2_multi.size(1), then the sibling '
          'model\'s BCELoss(sigmoid scores, e2_multi): the off value is 1/K, not ε/K, and the on value 1 − ε + 1/K '
          '(multi-hot 1-N scoring over all entities).', eps='args.label_smoothing (0.1)', classes='e2_multi.size(1)'),
    ]),
    # ------------------------------------------------------------------ soft targets
    'mtdnn__loss.py': P('MIT', [
        D('CeCriterion', 'none', 'F.cross_entropy(ignore_index), optional per-sample weights, times alpha.'),
        D('SeqCeCriterion', 'none', 'flattened targets, F.cross_entropy(ignore_index).',
          rd='reading only: CeCriterion on flattened targets.'),
        D('KlCriterion', 'soft_target',
          'F.kl_div(log_softmax(input), softmax(target logits), batchmean): a distribution from another model\'s '
          'logits (adversarial / distillation), not from labels.'),
        D('SymKlCriterion', 'soft_target', 'KlCriterion both ways with detached targets.', optional=True,
          accept=['soft_target'], rd='reading only: two KlCriterion terms.'),
        D('RankCeCriterion', 'none', 'pairwise scores reshaped to (-1, pairwise_size), CE against column 0.',
          rd='reading only: F.cross_entropy on reshaped scores.'),
        D('MlmCriterion', 'none', 'masked-LM CE + next-sentence CE.', rd='reading only: two F.cross_entropy terms.'),
    ]),
    'bit__train.py': P('Apache-2.0', [
        D('mixup_criterion', 'soft_target',
          'l·criterion(pred, y_a) + (1−l)·criterion(pred, y_b) with an injected criterion (CrossEntropyLoss in main): '
          'CE against the mixed one-hot labels of mixup, no smoothing.', optional=True, accept=['soft_target', 'none']),
    ]),
    'albef__model_pretrain.py': P('BSD-3-Clause', [
        D('ALBEF.forward', 'soft_target',
          'image-text contrastive loss with momentum distillation: sim_targets = identity (fill_diagonal_), '
          'targets = alpha·softmax(momentum-model similarities) + (1−alpha)·identity, −Σ log_softmax(sim)·targets; '
          'alpha is a call argument (default 0). A momentum teacher mixed into the one-hot target.',
          optional=True, accept=['soft_target', 'other', 'none'],
          modes={'alpha=0 (default)': 'none (InfoNCE against the identity)'},
          rd='reading only: needs BERT / ViT encoders and the momentum queues. ' + DISTILL),
    ]),
    # ------------------------------------------------------------------ none (plain losses)
    'e2easr__train_asr.py': P('MIT', [
        D('Solver.exec', 'none',
          'training step: attention decoder loss self.seq_loss = CrossEntropyLoss(ignore_index=0) (NLLLoss when the '
          'LM fusion outputs log-probs) plus CTC, weighted by ctc_weight.', rd=FRAMEWORK),
    ]),
    'rtvc__model.py': P('MIT', [
        D('SpeakerEncoder.loss', 'none',
          'GE2E softmax loss: CrossEntropyLoss over the speaker similarity matrix against np.repeat(arange) labels, '
          'plus EER.', rd=FRAMEWORK),
    ]),
    'banvqa__train.py': P('MIT', [
        D('instance_bce_with_logits', 'none',
          'binary_cross_entropy_with_logits against the VQA answer-score targets given by the data, times the answer '
          'count.'),
    ]),
    'dpr__biencoder.py': P('CC-BY-NC-4.0', [
        D('BiEncoderNllLoss.calc', 'none',
          'in-batch negatives: log_softmax over question·passage scores, F.nll_loss against the positive indices.',
          rd='reading only: F.nll_loss on log_softmax scores.'),
    ]),
    'torchdrug__property_prediction.py': P('Apache-2.0', [
        D('PropertyPrediction.forward', 'none',
          'per criterion: mse, binary_cross_entropy_with_logits or F.cross_entropy on labelled targets (NaN masked), '
          'task-weighted.', rd=FRAMEWORK),
    ]),
    'yolov4bubbliiiing__yolo_training.py': P('MIT', [
        D('YOLOLoss', 'none',
          'takes label_smoothing in __init__ and defines smooth_labels, but forward never calls it: class BCE on the '
          'hard one-hot y_true from get_target, objectness BCE, CIoU box loss. Trains on plain one-hot targets.',
          rd=FRAMEWORK),
        D('YOLOLoss.smooth_labels', 'uniform', 'y_true·(1−ε) + ε/num_classes — defined but unused.',
          eps='label_smoothing', classes='num_classes', optional=True, accept=['uniform']),
    ]),
    'tokenlabeling__mixup.py': P('Apache-2.0', [
        D('mixup_target', 'uniform',
          'off_value = ε/num_classes, on_value = 1 − ε + off_value through one_hot (full + scatter_), mixed with the '
          'flipped batch: y1·lam + y2·(1−lam) (token label maps take the same on/off values).',
          eps='smoothing', classes='num_classes', optional=True, accept=['uniform'],
          modes={'lam < 1': 'mixup of two uniform-smoothed targets'}),
    ]),
    'tokenlabeling__cross_entropy.py': P('Apache-2.0', [
        D('SoftTargetCrossEntropy', 'soft_target', 'Σ −target·log_softmax, batch mean (repeats the target for '
          'augmented copies).'),
        D('TokenLabelSoftTargetCrossEntropy', 'soft_target', 'the same on the token-label channel of a stacked target.',
          rd='reading only: SoftTargetCrossEntropy on a slice.'),
        D('TokenLabelCrossEntropy', 'soft_target',
          'class and dense token losses through SoftTargetCrossEntropy on machine-annotated label maps; with '
          'ground_truth the class target is mixed with the ground truth (ratio 0.9 or 0.5), cutmix lam mixes the batch.',
          optional=True, accept=['soft_target'], rd='reading only: needs the (output, aux_output, bbox) triple.'),
    ]),
    'msn__msn_train.py': P('CC-BY-NC-4.0', [
        D('one_hot', 'uniform',
          'nested in main(): full((n, K), ε/K).scatter_(1, t, 1 − ε + ε/K) with ε = label_smoothing from the config; '
          'used as the prototypes\' labels (support labels of the soft-nearest-neighbour classifier), whose sharpened '
          'outputs are the MSN targets.', eps='label_smoothing (config)', classes='num_classes', optional=True,
          accept=['uniform'], at='    def one_hot(targets, num_classes, smoothing=label_smoothing):'),
    ]),
    'decisiontransformer__model_atari.py': P('MIT', [
        D('GPT.forward', 'none', 'F.cross_entropy over the flattened action logits when targets are given.',
          rd=FRAMEWORK),
    ]),
    'bert4recvae__vae.py': P('GPL-3.0', [
        D('VAETrainer.calculate_loss', 'soft_target',
          'Mult-VAE: −mean Σ log_softmax(recon_x)·input_x against the raw multi-hot interaction vector (unnormalised), '
          'plus β·KL of the latent Gaussian (β annealed).', optional=True, accept=['soft_target', 'none']),
    ]),
    # ------------------------------------------------------------------ negatives
    'darts__model.py': N('drop_path masks (x.div_(keep_prob).mul_(mask)), cells with summed states, auxiliary heads',
                         'Apache-2.0'),
    'yolov6__loss.py': N('varifocal loss (α·p^γ·(1−label) + gt_score·label weights on BCE), DFL, IoU losses',
                         'GPL-3.0', [
        D('VarifocalLoss', 'none', 'weighted BCE against IoU-quality scores gt_score; no smoothing.',
          optional=True, accept=['none'], rd='reading only: a focal-style weight on quality targets.'),
    ]),
    'deeprl__CategoricalDQN_agent.py': N('C51 projected target distribution (Bellman update of atoms)', 'MIT'),
    'stylegan2ada__loss.py': N('GAN softplus losses, path-length and R1 regularisers, style mixing', 'LicenseRef-NVIDIA-Source-Code'),
    'spinningup__sac.py': N('SAC: Polyak averaging, entropy-regularised targets, twin Q', 'MIT'),
    'spinningup__ppo.py': N('PPO: clipped ratio, GAE advantages, KL estimate', 'MIT'),
    'tslib__losses.py': N('MAPE / sMAPE / MASE regression losses with divide-no-nan masks', 'MIT'),
    'tslib__SelfAttention_Family.py': N('attention variants (ProbSparse, DS, reformer), softmax scores and masks', 'MIT'),
    'bit__models.py': N('weight-standardised convs, pre-activation residual blocks', 'Apache-2.0'),
    'graphmae__loss_func.py': N('scaled cosine error and sigmoid losses between features', 'MIT'),
    'conve/model.py': N('KG embedding models whose forward returns sigmoid scores; BCELoss is built here but the '
                        'smoothed targets come from main.py', 'MIT'),
    'kge__model.py': N('RotatE / TransE: self-adversarial negative sampling weights, logsigmoid margins', 'MIT'),
    'dac__loss.py': N('audio codec losses: L1, multi-scale STFT / mel, SI-SDR, GAN feature matching', 'MIT'),
    'fastspeech2__loss.py': N('masked MSE / MAE on mel, pitch, energy, duration', 'MIT'),
    'uamt__losses.py': N('Dice, entropy maps, mean-teacher consistency (softmax MSE / KL)', 'NOASSERTION', [
        D('softmax_kl_loss', 'soft_target', 'elementwise F.kl_div(log_softmax(student), softmax(teacher)).',
          optional=True, accept=['soft_target'], rd=None),
    ]),
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
