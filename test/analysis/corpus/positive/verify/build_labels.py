#!/usr/bin/python3
"""Builds ../labels.json from the table below: finds each symbol's `class`/`def` line in the saved file
(1-based, header lines counted), reads the `source` header, and sets "verified": "torch" only for labels whose
checks in verify_all.py passed (results.json). Run verify_all.py first."""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RES = json.load(open(os.path.join(HERE, 'results.json')))

HOLDOUT = {'joeynmt', 'speechbrain', 'classyvision', 'slowfast', 'sockeye', 'torch_toolbox', 'yolov7', 'catalyst',
           'mmpose', 'eod', 'espnet'}

LIC = {
    'nvidia_dle': 'BSD-3-Clause (ConvNets, Translation/Transformer) / Apache-2.0 (BART, Efficientdet) per file header',
    'effdet': 'Apache-2.0', 'pytorch_toolbelt': 'MIT', 'smp': 'MIT', 'wenet': 'Apache-2.0', 'icefall': 'Apache-2.0',
    'joeynmt': 'Apache-2.0', 'speechbrain': 'Apache-2.0', 'classyvision': 'MIT', 'attention_is_all_you_need': 'MIT',
    'speech_transformer': 'none stated (no LICENSE file in kaituoxu/Speech-Transformer)', 'timm': 'Apache-2.0',
    'slowfast': 'Apache-2.0', 'mmaction2': 'Apache-2.0', 'nemo': 'Apache-2.0',
    'megatron': 'BSD-3-Clause-style (NVIDIA Megatron-LM LICENSE)', 'sockeye': 'Apache-2.0',
    'torch_toolbox': 'BSD-3-Clause', 'fairseq': 'MIT', 'unilm': 'MIT', 'yolov7': 'GPL-3.0',
    'lightning_bolts': 'Apache-2.0', 'bootstrapping_loss': 'MIT', 'catalyst': 'Apache-2.0', 'deit': 'Apache-2.0',
    'knowledge_distillation': 'MIT', 'mmpose': 'Apache-2.0', 'luxonis_train': 'Apache-2.0', 'eod': 'Apache-2.0',
    'yolov3': 'AGPL-3.0', 'espnet': 'Apache-2.0',
}


def D(symbol, convention, eps, classes, why, v=(), modes=None):
    d = dict(symbol=symbol, convention=convention, epsilonParam=eps, classesParam=classes)
    if modes:
        d['modes'] = modes
    d['why'] = why
    d['_v'] = list(v)
    return d


UNI_CE = 'nn.CrossEntropyLoss(label_smoothing=ε)'
L = {}

L['nvidia_dle__smoothing.py'] = [
    D('LabelSmoothing', 'uniform', 'smoothing', None,
      'confidence·nll + smoothing·mean_k(−log p_k) with confidence = 1−smoothing and K = x.size(-1): target (1−ε)·onehot + ε/K; mean over rows = ' + UNI_CE + '.',
      ['nvidia_dle__smoothing.py::LabelSmoothing'])]
L['nvidia_dle__mixup.py'] = [
    D('NLLMultiLabelSmooth', 'uniform', 'smoothing', None,
      'Under `if self.training:` loss = (1−ε)·Σ −t·log p + ε·mean_k(−log p_k) for a (mixup) probability target t: target (1−ε)·t + ε/K, = ' + UNI_CE + ' for one-hot t; in eval it falls back to plain F.cross_entropy.',
      ['nvidia_dle__mixup.py::NLLMultiLabelSmooth'], modes={'eval (self.training is False)': 'none'})]
L['nvidia_dle__criterions.py'] = [
    D('CrossEntropyCriterion', 'none', None, None, 'F.nll_loss on normalised log-probs, summed, padding ignored: hard targets.',
      ['nvidia_dle__criterions.py::CrossEntropyCriterion']),
    D('LabelSmoothedCrossEntropyCriterion', 'uniform', 'args.label_smoothing', None,
      'Old fairseq form: (1−ε)·nll + (ε/K)·Σ_k −log p_k with eps_i = ε/lprobs.size(-1): target (1−ε)·onehot + ε/K (uniform), padding rows dropped via non_pad_mask, summed.',
      ['nvidia_dle__criterions.py::LabelSmoothedCrossEntropyCriterion'])]
L['nvidia_dle__bart_utils.py'] = [
    D('label_smoothed_nll_loss', 'uniform', 'epsilon', None,
      '"From fairseq" but the old ε/K form: eps_i = ε/lprobs.size(-1), loss = (1−ε)·nll + eps_i·Σ_k −log p_k → (1−ε)·onehot + ε/K; pad rows zeroed, summed.',
      ['nvidia_dle__bart_utils.py::label_smoothed_nll_loss'])]
L['nvidia_dle__efficientdet_loss.py'] = [
    D('focal_loss', 'none', None, None, 'Sigmoid focal loss on 0/1 targets, no smoothing.'),
    D('new_focal_loss', 'binary', 'label_smoothing', None,
      '`if label_smoothing > 0.: targets = targets·(1−ε) + 0.5·ε` then BCE-with-logits (focal/alpha factors computed from the unsmoothed targets): binary ε/2 smoothing.',
      ['nvidia_dle__efficientdet_loss.py::new_focal_loss']),
    D('huber_loss', 'none', None, None, 'Box regression loss.'),
    D('smooth_l1_loss', 'none', None, None, 'Box regression loss.'),
    D('_classification_loss', 'binary', 'label_smoothing', None, 'Delegates to new_focal_loss(..., label_smoothing): binary ε/2.',
      ['nvidia_dle__efficientdet_loss.py::_classification_loss']),
    D('_box_loss', 'none', None, None, 'Huber loss on box targets.'),
    D('DetectionLoss', 'binary', 'config.label_smoothing', 'config.num_classes',
      'Non-fused path one-hots the anchor labels (num_classes) and calls _classification_loss(label_smoothing=config.label_smoothing) → binary ε/2 targets; the fused_focal_loss path hands label_smoothing to a CUDA op (not visible here).')]
L['effdet__loss.py'] = [
    D('focal_loss_legacy', 'none', None, None, 'Legacy focal loss on 0/1 targets, no smoothing.'),
    D('new_focal_loss', 'binary', 'label_smoothing', None,
      'targets·(1−ε) + 0.5·ε inside `if label_smoothing > 0.`, then BCE-with-logits × focal factors: binary ε/2.',
      ['effdet__loss.py::new_focal_loss']),
    D('huber_loss', 'none', None, None, 'Box regression loss.'),
    D('smooth_l1_loss', 'none', None, None, 'Box regression loss.'),
    D('_box_loss', 'none', None, None, 'Huber loss on box targets.'),
    D('loss_fn', 'binary', 'label_smoothing', 'num_classes',
      'One-hot anchor targets → new_focal_loss(label_smoothing) (binary ε/2); legacy_focal=True uses focal_loss_legacy with no smoothing.',
      ['effdet__loss.py::loss_fn', 'effdet__loss.py::loss_fn[legacy_focal=True]'], modes={'legacy_focal=True': 'none'}),
    D('DetectionLoss', 'binary', 'config.label_smoothing', 'config.num_classes',
      'forward → loss_fn(..., label_smoothing=self.label_smoothing, legacy_focal=self.legacy_focal).',
      modes={'config.legacy_focal=True': 'none'})]
SOFTBCE_WHY = ('soft_targets = (1−t)·ε + t·(1−ε): positives 1−ε, negatives ε, i.e. the binary convention with α = 2ε (not t·(1−ε)+ε/2), '
               'then BCE-with-logits; default smooth_factor=None gives plain BCE.')
L['pytorch_toolbelt__soft_bce.py'] = [
    D('SoftBCEWithLogitsLoss', 'other', 'smooth_factor', None, SOFTBCE_WHY,
      ['pytorch_toolbelt__soft_bce.py::SoftBCEWithLogitsLoss', 'pytorch_toolbelt__soft_bce.py::SoftBCEWithLogitsLoss[smooth_factor=None]'],
      modes={'smooth_factor=None (default)': 'none'})]
L['pytorch_toolbelt__soft_ce.py'] = [
    D('SoftCrossEntropyLoss', 'uniform', 'smooth_factor', None,
      'log_softmax then the imported functional.label_smoothed_nll_loss (eps_i = ε/K, (1−ε)·nll + eps_i·Σ −log p): uniform ε/K; cross-file.',
      ['pytorch_toolbelt__soft_ce.py::SoftCrossEntropyLoss'])]
L['pytorch_toolbelt__bitempered_loss.py'] = [
    D('bi_tempered_logistic_loss', 'k_minus_1', 'label_smoothing', None,
      'labels = (1 − εK/(K−1))·onehot + ε/(K−1): true class 1−ε, others ε/(K−1); with t1 = t2 = 1 the loss is KL(target‖softmax).',
      ['pytorch_toolbelt__bitempered_loss.py::bi_tempered_logistic_loss']),
    D('BiTemperedLogisticLoss', 'k_minus_1', 'smoothing', None, 'Calls bi_tempered_logistic_loss(label_smoothing=self.smoothing).',
      ['pytorch_toolbelt__bitempered_loss.py::BiTemperedLogisticLoss']),
    D('BinaryBiTemperedLogisticLoss', 'k_minus_1', 'smoothing', None,
      'Stacks [−x, x] / [1−t, t] into K = 2 columns and calls bi_tempered_logistic_loss: the K−1 formula at K = 2 gives 1−ε / ε (equivalently binary with α = 2ε).',
      ['pytorch_toolbelt__bitempered_loss.py::BinaryBiTemperedLogisticLoss'])]
L['smp__soft_bce.py'] = [
    D('SoftBCEWithLogitsLoss', 'other', 'smooth_factor', None, SOFTBCE_WHY + ' (port of pytorch-toolbelt)',
      ['smp__soft_bce.py::SoftBCEWithLogitsLoss'], modes={'smooth_factor=None (default)': 'none'})]
L['smp__soft_ce.py'] = [
    D('SoftCrossEntropyLoss', 'uniform', 'smooth_factor', None,
      'log_softmax then ._functional.label_smoothed_nll_loss (eps_i = ε/K): uniform; cross-file. The default smooth_factor=None would crash in (1.0 − None).',
      ['smp__soft_ce.py::SoftCrossEntropyLoss'])]
L['wenet__label_smoothing_loss.py'] = [
    D('LabelSmoothingLoss', 'k_minus_1', 'smoothing', 'size',
      'true_dist.fill_(ε/(size−1)) then scatter_ confidence = 1−ε; KLDivLoss(reduction="none") with padding rows masked, divided by batch size or token count.',
      ['wenet__label_smoothing_loss.py::LabelSmoothingLoss', 'wenet__label_smoothing_loss.py::LabelSmoothingLoss[normalize_length=True]'])]
L['wenet__label_smoothing_loss_onehot.py'] = [
    D('LabelSmoothingLoss', 'k_minus_1', 'smoothing', 'size',
      'y_true = one_hot·(confidence − other_value) + other_value with other_value = ε/(size−1): 1−ε / ε/(K−1); hand-written KL Σ y(log y − log p), padding masked.',
      ['wenet__label_smoothing_loss_onehot.py::LabelSmoothingLoss'])]
L['icefall__label_smoothing.py'] = [
    D('LabelSmoothingLoss', 'uniform', 'label_smoothing', None,
      'K = x.size(-1); true_dist = one_hot·(1−ε) + ε/K, ignored rows zeroed via torch.where; −Σ log_softmax·true_dist, default reduction "sum".',
      ['icefall__label_smoothing.py::LabelSmoothingLoss'])]
L['joeynmt__loss.py'] = [
    D('XentLoss', 'k_minus_2_padding', 'smoothing', None,
      'smoothing > 0: fill ε/(vocab_size−2), scatter 1−ε, pad column zeroed and pad rows index_fill_ 0, KLDivLoss(sum) on log-probs; smoothing <= 0 (default 0.0) uses NLLLoss(ignore_index=pad, sum).',
      ['joeynmt__loss.py::XentLoss', 'joeynmt__loss.py::XentLoss[smoothing=0]'], modes={'smoothing=0.0 (default)': 'none'})]
L['speechbrain__losses.py'] = [
    D('transducer_loss', 'none', None, None, 'RNN-T loss.'),
    D('PitWrapper', 'none', None, None, 'Permutation-invariant wrapper around a base loss.'),
    D('ctc_loss', 'none', None, None, 'CTC loss.'),
    D('l1_loss', 'none', None, None, 'Regression loss.'),
    D('mse_loss', 'none', None, None, 'Regression loss.'),
    D('nll_loss', 'uniform', 'label_smoothing', None,
      'compute_masked_loss → reduce_loss: −ε·mean_k(log p_k) + (1−ε)·nll = (1−ε)·onehot + ε/K; equals ' + UNI_CE + ' for 2-D input.',
      ['speechbrain__losses.py::nll_loss']),
    D('bce_loss', 'other', 'label_smoothing', None,
      'Passes label_smoothing to compute_masked_loss with predictions = logits: −ε·(masked mean of mean(logits, dim=1)) + (1−ε)·BCE — a logit penalty, not a smoothed binary target (1-D input even broadcasts to the sum of logits).',
      ['speechbrain__losses.py::bce_loss']),
    D('kldiv_loss', 'k_minus_1', 'label_smoothing', None,
      'label_smoothing > 0: fill ε/(n_class−1), scatter 1−ε, kl_div with pad_idx rows masked; otherwise falls back to nll_loss.',
      ['speechbrain__losses.py::kldiv_loss'], modes={'label_smoothing=0 (default)': 'none'}),
    D('distance_diff_loss', 'none', None, None, 'Distance-weighted loss on positions.'),
    D('_distance_diff_loss', 'none', None, None, 'Distance-weighted loss on positions.'),
    D('compute_masked_loss', 'uniform', 'label_smoothing', None,
      'Generic helper: loss_fn then reduce_loss, which adds −ε·mean over the class dim of predictions: the uniform ε/K term when predictions are log-probs (as in nll_loss).',
      ['speechbrain__losses.py::nll_loss']),
    D('reduce_loss', 'uniform', 'label_smoothing', None,
      '−label_smoothing·mean(predictions, dim=1) + (1−label_smoothing)·loss: uniform when predictions are log-probabilities (NLL path).',
      ['speechbrain__losses.py::nll_loss'])]
L['classyvision__label_smoothing_loss.py'] = [
    D('LabelSmoothingCrossEntropyLoss', 'other', 'smoothing_param', None,
      'Normalised one-hot + ε/K, then renormalised to sum 1: true (1+ε/K)/(1+ε), others (ε/K)/(1+ε) — uniform smoothing with ε/(1+ε), not ε; CE via SoftTargetCrossEntropyLoss.',
      ['classyvision__label_smoothing_loss.py::LabelSmoothingCrossEntropyLoss'])]
L['classyvision__soft_target_cross_entropy_loss.py'] = [
    D('SoftTargetCrossEntropyLoss', 'soft_target', None, None,
      'Σ −t·log_softmax(x) against the given (optionally normalised) probability targets; class indices are one-hot encoded; no smoothing of its own.',
      ['classyvision__soft_target_cross_entropy_loss.py::SoftTargetCrossEntropyLoss'])]
L['attention_is_all_you_need__train.py'] = [
    D('cal_performance', 'k_minus_1', None, None, 'Returns cal_loss(pred, gold, trg_pad_idx, smoothing) plus accuracy counts.',
      modes={'smoothing=False': 'none'}),
    D('cal_loss', 'k_minus_1', None, None,
      'smoothing is a bool; eps = 0.1 hard-coded: one_hot·(1−eps) + (1−one_hot)·eps/(n_class−1), n_class = pred.size(1); pad rows dropped, summed. smoothing=False: F.cross_entropy(ignore_index, sum).',
      ['attention_is_all_you_need__train.py::cal_loss', 'attention_is_all_you_need__train.py::cal_loss[smoothing=False]'],
      modes={'smoothing=False': 'none'})]
L['speech_transformer__loss.py'] = [
    D('cal_performance', 'other', 'smoothing', None, 'Returns cal_loss(pred, gold, smoothing) plus accuracy.',
      modes={'smoothing=0.0 (default)': 'none'}),
    D('cal_loss', 'other', 'smoothing', None,
      'one_hot·(1−ε) + (1−one_hot)·ε/n_class: true 1−ε but others ε/K, so the target sums to 1−ε/K (neither uniform nor K−1); mean over non-IGNORE_ID rows. smoothing=0 → F.cross_entropy.',
      ['speech_transformer__loss.py::cal_loss', 'speech_transformer__loss.py::cal_loss[smoothing=0]'],
      modes={'smoothing=0.0 (default)': 'none'})]
L['timm__binary_cross_entropy.py'] = [
    D('BinaryCrossEntropy', 'uniform', 'smoothing', None,
      'Dense targets built as off = ε/K, on = 1−ε+ε/K (K = x.shape[-1]) — the uniform target — then fed to BCE-with-logits per class (so the loss is BCE, not CE); target_threshold re-binarises.',
      ['timm__binary_cross_entropy.py::BinaryCrossEntropy'], modes={'target_threshold set': 'none'})]
L['timm__mixup.py'] = [
    D('mixup_target', 'uniform', 'smoothing', 'num_classes',
      'off_value = ε/num_classes, on_value = 1−ε+off_value → (1−ε)·onehot + ε/K for both y and flipped y, mixed with lam.',
      ['timm__mixup.py::mixup_target'])]
L['slowfast__mixup.py'] = [
    D('mixup_target', 'uniform', 'smoothing', 'num_classes',
      'Port of timm: off = ε/num_classes, on = 1−ε+off, convert_to_one_hot then lam-mix → uniform smoothed targets.',
      ['slowfast__mixup.py::mixup_target'])]
L['mmaction2__base_head.py'] = [
    D('BaseHead.loss_by_feat', 'uniform', 'label_smooth_eps', 'num_classes',
      '`if self.label_smooth_eps != 0`: labels → F.one_hot(num_classes) then (1−ε)·labels + ε/num_classes, passed to loss_cls (CrossEntropyLoss with soft labels).',
      ['mmaction2__base_head.py::BaseHead.loss_by_feat'])]
L['nemo__smoothed_cross_entropy.py'] = [
    D('SmoothedCrossEntropyLoss', 'k_minus_1', 'label_smoothing', None,
      'smoothing = K·ε/(K−1) with K = vocab_size from log_probs.size(); (1−smoothing)·log p_y + smoothing·mean_k log p_k → true 1−ε, others ε/(K−1); masked token mean.',
      ['nemo__smoothed_cross_entropy.py::SmoothedCrossEntropyLoss']),
    D('SmoothedNLLLoss', 'uniform', 'label_smoothing', None,
      'NLLLoss then −ε·mean_C(log p) + (1−ε)·nll (masked means): (1−ε)·onehot + ε/K.',
      ['nemo__smoothed_cross_entropy.py::SmoothedNLLLoss'])]
MEG_WHY = ('smoothing = ε·vocab_size/(vocab_size−1); loss = (1−smoothing)·nll − smoothing·mean_k log p_k → true 1−ε, others ε/(K−1) '
           '(K = the local partition size, = K with one tensor-parallel rank).')
L['nemo__vocab_parallel_cross_entropy.py'] = [
    D('_VocabParallelCrossEntropy', 'k_minus_1', 'label_smoothing', None, MEG_WHY,
      ['nemo__vocab_parallel_cross_entropy.py::vocab_parallel_cross_entropy']),
    D('vocab_parallel_cross_entropy', 'k_minus_1', 'label_smoothing', None, 'Applies _VocabParallelCrossEntropy.',
      ['nemo__vocab_parallel_cross_entropy.py::vocab_parallel_cross_entropy'])]
L['megatron__cross_entropy.py'] = [
    D('VocabParallelCrossEntropy', 'none', None, None, 'Static helpers for the plain tensor-parallel CE (log-sum-exp minus target logit).'),
    D('_VocabParallelCrossEntropy', 'k_minus_1', 'label_smoothing', None, MEG_WHY,
      ['megatron__cross_entropy.py::vocab_parallel_cross_entropy']),
    D('vocab_parallel_cross_entropy', 'k_minus_1', 'label_smoothing', None, 'Applies _VocabParallelCrossEntropy.',
      ['megatron__cross_entropy.py::vocab_parallel_cross_entropy'])]
L['sockeye__loss.py'] = [
    D('CrossEntropyLoss', 'uniform', 'label_smoothing', None,
      'Default label_smoothing_impl="mxnet": (1−α)·nll − (α/K)·Σ log p (uniform); "fairseq": α_i = α/(K−1), (1−α−α_i)·nll − α_i·Σ log p (K−1); "torch": F.cross_entropy(label_smoothing=α). Pad tokens excluded, mean over valid tokens.',
      ['sockeye__loss.py::CrossEntropyLoss', "sockeye__loss.py::CrossEntropyLoss[label_smoothing_impl='fairseq']",
       "sockeye__loss.py::CrossEntropyLoss[label_smoothing_impl='torch']"],
      modes={"label_smoothing_impl='fairseq'": 'k_minus_1', "label_smoothing_impl='torch'": 'uniform', 'label_smoothing=0': 'none'}),
    D('CrossEntropyLoss._smoothed_loss_as_in_mxnet', 'uniform', 'label_smoothing', None, '(1−α)·nll − α/logits.size(-1)·Σ_k log p_k.',
      ['sockeye__loss.py::CrossEntropyLoss']),
    D('CrossEntropyLoss._smoothed_loss_as_in_fairseq', 'k_minus_1', 'label_smoothing', None,
      'alpha_i = α/(K−1); (1−α−alpha_i)·nll − alpha_i·Σ_k log p_k → 1−α / α/(K−1).',
      ["sockeye__loss.py::CrossEntropyLoss[label_smoothing_impl='fairseq']"]),
    D('CrossEntropyLoss._torch_cross_entropy_loss', 'uniform', 'label_smoothing', None,
      'F.cross_entropy(..., label_smoothing=α) when α > 0.', ["sockeye__loss.py::CrossEntropyLoss[label_smoothing_impl='torch']"])]
L['torch_toolbox__loss.py'] = [
    D('SigmoidCrossEntropy', 'none', None, None, 'Sigmoid CE on one-hot logits distribution, no smoothing.'),
    D('FocalLoss', 'none', None, None, 'Sigmoid focal loss, no smoothing.'),
    D('L0Loss', 'none', None, None, 'Regression loss.'),
    D('LabelSmoothingLoss', 'k_minus_1', 'smoothing', 'classes',
      'true_dist = BF.smooth_one_hot(target, classes, smoothing) (fill ε/(classes−1), scatter 1−ε; cross-file), mean Σ −q·log_softmax.',
      ['torch_toolbox__loss.py::LabelSmoothingLoss']),
    D('CircleLoss', 'none', None, None, 'Metric-learning loss.'),
    D('RingLoss', 'none', None, None, 'Feature-norm loss.'),
    D('CenterLoss', 'none', None, None, 'Metric-learning loss.'),
    D('KnowledgeDistillationLoss', 'soft_target', None, None, 'T²·mean Σ −softmax(teacher/T)·log_softmax(student/T): CE against the teacher distribution.',
      ['torch_toolbox__loss.py::KnowledgeDistillationLoss'])]
L['torch_toolbox__functional.py'] = [
    D('logits_nll_loss', 'none', None, None, 'Sums per-class sigmoid losses with optional class weights; no smoothing.'),
    D('smooth_one_hot', 'k_minus_1', 'smoothing', 'classes', 'fill_(smoothing/(classes−1)) then scatter_ confidence = 1−smoothing.',
      ['torch_toolbox__functional.py::smooth_one_hot'])]
L['fairseq__nat_loss.py'] = [
    D('LabelSmoothedDualImitationCriterion', 'uniform', 'label_smoothing', None,
      'forward → _compute_loss with the per-output "ls" value (self.label_smoothing is stored but unused): (1−ε)·mean nll − ε·mean(log p over tokens and classes) = uniform.'),
    D('LabelSmoothedDualImitationCriterion._compute_loss', 'uniform', 'label_smoothing', None,
      'nll_loss = mean_ds(nll); loss = nll·(1−ε) − mean_ds(log_softmax)·ε where mean_ds averages over all K classes too: (1−ε)·onehot + ε/K.',
      ['fairseq__nat_loss.py::LabelSmoothedDualImitationCriterion._compute_loss'])]
L['fairseq__label_smoothed_cross_entropy_r3f.py'] = [
    D('LabelSmoothedCrossEntropyR3FCriterion', 'k_minus_1', 'label_smoothing', None,
      'compute_loss calls the imported fairseq.criterions.label_smoothed_cross_entropy.label_smoothed_nll_loss (current version: eps_i = ε/(K−1)) → K−1; plus symmetric KL between noised and clean logits in training (cross-file).')]
L['unilm__loss.py'] = [
    D('LabelSmoothingLoss', 'k_minus_2_padding', 'label_smoothing', 'tgt_vocab_size',
      'one_hot = full(ε/(tgt_vocab_size−2)), one_hot[ignore_index] = 0, scatter confidence 1−ε, rows with target == ignore_index zeroed; F.kl_div on log-probs summed per position.',
      ['unilm__loss.py::LabelSmoothingLoss'])]
L['yolov7__loss.py'] = [
    D('smooth_BCE', 'binary', 'eps', None, 'Returns (1−0.5ε, 0.5ε) positive/negative BCE targets.', ['yolov7__loss.py::smooth_BCE']),
    D('BCEBlurWithLogitsLoss', 'none', None, None, 'BCE re-weighted by a blur factor; targets not smoothed.'),
    D('SigmoidBin', 'binary', 'smooth_eps', 'bin_count',
      'cp = 1−0.5·smooth_eps, cn = 0.5·smooth_eps; training_loss fills bins with cn, sets the target bin to cp (index assignment) and applies BCEWithLogits (+ optional MSE).',
      ['yolov7__loss.py::SigmoidBin']),
    D('FocalLoss', 'none', None, None, 'Focal wrapper around BCEWithLogitsLoss; no smoothing of its own.'),
    D('QFocalLoss', 'none', None, None, 'Quality focal wrapper; no smoothing of its own.')]
L['yolov3__loss.py'] = [
    D('BCEBlurWithLogitsLoss', 'none', None, None, 'BCE re-weighted by a blur factor.'),
    D('FocalLoss', 'none', None, None, 'Focal wrapper around BCEWithLogitsLoss.'),
    D('QFocalLoss', 'none', None, None, 'Quality focal wrapper.'),
    D('ComputeLoss', 'binary', "hyp['label_smoothing']", None,
      'self.cp, self.cn = smooth_bce(eps=h.get("label_smoothing", 0.0)) (imported from ultralytics.utils.metrics: 1−0.5ε, 0.5ε); class targets t = full_like(cn), t[range(n), tcls] = cp → BCE: binary ε/2 (cross-package).')]
L['lightning_bolts__yolo_loss.py'] = [
    D('box_iou_loss', 'none', None, None, 'IoU regression loss.'),
    D('generalized_box_iou_loss', 'none', None, None, 'IoU regression loss (fallback definition).'),
    D('distance_box_iou_loss', 'none', None, None, 'IoU regression loss (fallback definition).'),
    D('complete_box_iou_loss', 'none', None, None, 'IoU regression loss (fallback definition).'),
    D('_pairwise_confidence_loss', 'none', None, None, 'BCE against 1 or an overlap-blended confidence target; no label smoothing.'),
    D('_foreground_confidence_loss', 'none', None, None, 'BCE against 1 or overlap-blended target.'),
    D('_background_confidence_loss', 'none', None, None, 'BCE against zeros.'),
    D('_target_labels_to_probs', 'binary', 'label_smoothing', 'num_classes',
      'One-hot (num_classes) then (ε/2) + targets·(1−ε) when label_smoothing is not None.', ['lightning_bolts__yolo_loss.py::_target_labels_to_probs']),
    D('YOLOLoss', 'binary', 'label_smoothing', None,
      'pairwise/elementwise_sums build class targets with _target_labels_to_probs(..., self.label_smoothing) and apply BCE: binary ε/2; default None → no smoothing.',
      modes={'label_smoothing=None (default)': 'none'})]
L['bootstrapping_loss__loss.py'] = [
    D('SoftBootstrappingLoss', 'other', 'beta', None,
      'Soft bootstrapping: β·CE(y) − (1−β)·Σ p·log p, i.e. target β·onehot + (1−β)·softmax(x) (detached by default).',
      ['bootstrapping_loss__loss.py::SoftBootstrappingLoss']),
    D('HardBootstrappingLoss', 'other', 'beta', None, 'Target β·onehot(y) + (1−β)·onehot(argmax p).',
      ['bootstrapping_loss__loss.py::HardBootstrappingLoss'])]
L['catalyst__ce.py'] = [
    D('NaiveCrossEntropyLoss', 'soft_target', None, None, '−Σ target·log_softmax(input) / N against a given target distribution.',
      ['catalyst__ce.py::NaiveCrossEntropyLoss']),
    D('SymmetricCrossEntropyLoss', 'other', None, None,
      'One-hot targets clamped to [1e−4, 1] (unnormalised floor on every class) in both the CE and reverse-CE terms; inputs are clamped probabilities.'),
    D('MaskCrossEntropyLoss', 'none', None, None, 'nn.CrossEntropyLoss(reduction="none") averaged over mask == 1.')]
L['deit__losses.py'] = [
    D('DistillationLoss', 'soft_target', None, None,
      'Soft: base loss·(1−α) + α·T²·KL(log_softmax(student/T) ‖ log_softmax(teacher/T), log_target=True)/numel; "hard": CE to teacher argmax; "none": base criterion only.',
      ['deit__losses.py::DistillationLoss', "deit__losses.py::DistillationLoss[distillation_type='hard']"],
      modes={"distillation_type='hard'": 'none', "distillation_type='none'": 'none'})]
L['knowledge_distillation__net.py'] = [
    D('loss_fn', 'none', None, None, 'nn.CrossEntropyLoss() on hard labels.'),
    D('loss_fn_kd', 'soft_target', None, None, 'KLDivLoss(log_softmax(s/T), softmax(t/T))·αT² + (1−α)·CE(hard).',
      ['knowledge_distillation__net.py::loss_fn_kd'])]
L['mmpose__simcc_label.py'] = [
    D('SimCCLabel', 'other', 'label_smooth_weight', None,
      'Default smoothing_type="gaussian" builds Gaussian (normalised) 1-D labels; "standard" with label_smooth_weight builds K−1 smoothed one-hot labels (K = W or H bins) in numpy.',
      modes={"smoothing_type='standard'": 'k_minus_1'}),
    D('SimCCLabel._generate_standard', 'k_minus_1', 'label_smooth_weight', None,
      'target_x[n, k] = ε/(W−1) then target_x[n, k, mu_x] = 1−ε (numpy index assignment); same for y with H.',
      ['mmpose__simcc_label.py::SimCCLabel._generate_standard']),
    D('SimCCLabel._generate_gaussian', 'other', None, None, 'exp(−(x−μ)²/2σ²)/(σ√(2π)) labels: Gaussian label smoothing, not a mixture with a uniform.',
      ['mmpose__simcc_label.py::SimCCLabel._generate_gaussian'])]
L['luxonis_train__cross_entropy.py'] = [
    D('CrossEntropyLoss', 'uniform', 'label_smoothing', None, 'nn.CrossEntropyLoss(..., label_smoothing=label_smoothing); dense targets are argmax-ed first.',
      ['luxonis_train__cross_entropy.py::CrossEntropyLoss'])]
L['luxonis_train__smooth_bce_with_logits.py'] = [
    D('SmoothBCEWithLogitsLoss', 'other', 'label_smoothing', None,
      'positive_smooth_const = 1−ε, negative_smooth_const = ε: t·(1−ε) + (1−t)·ε, binary with α = 2ε rather than ε/2.',
      ['luxonis_train__smooth_bce_with_logits.py::SmoothBCEWithLogitsLoss'])]
L['luxonis_train__softmax_focal_loss.py'] = [
    D('SoftmaxFocalLoss', 'other', 'smooth', None,
      'targets.clamp(ε/(K−1), 1−ε) (K−1 values for one-hot targets) but then pt = Σ target·softmax + ε and loss = −α(1−pt)^γ·log pt: not a CE against the smoothed distribution.')]
L['eod__cls_loss.py'] = [
    D('LabelSmoothCELoss', 'uniform', 'smooth_ratio', 'num_classes',
      'v = ε/num_classes; one_hot.fill_(v), scatter 1−ε+v → (1−ε)·onehot + ε/K; −Σ q·log_softmax / N. (Dense-label path subtracts (ε−v) from each entry and adds v to zeros.)',
      ['eod__cls_loss.py::LabelSmoothCELoss']),
    D('BCE_LOSS', 'none', None, None, 'BCEWithLogits on one-hot targets.'),
    D('CrossEntropyLoss', 'none', None, None, 'nn.CrossEntropyLoss().'),
    D('SoftmaxEQLLoss', 'none', None, None, 'Equalization loss (logit adjustment), hard targets.'),
    D('SoftmaxEQLV2Loss', 'none', None, None, 'Equalization loss v2, hard targets.'),
    D('SoftTargetCrossEntropy', 'soft_target', None, None, 'Σ −label·log_softmax, mean over rows.', ['eod__cls_loss.py::SoftTargetCrossEntropy'])]
L['espnet__e2e_asr_common.py'] = [
    D('label_smoothing_dist', 'other', None, 'odim',
      'Unigram prior for lsm_type="unigram": per-utterance token presence counts (labelcount[ids] += 1), unseen floored to 1, <eos> = len(transcript) (the path string), blank zeroed, normalised — a prior, not ε/K.',
      ['espnet__e2e_asr_common.py::label_smoothing_dist'])]

# ---------------------------------------------------------------- build
def find_line(lines, symbol):
    parts = symbol.split('.')
    start = 0
    if len(parts) == 2:
        cls, meth = parts
        for i, l in enumerate(lines):
            if re.match(rf'\s*class {re.escape(cls)}\b', l):
                start = i
                break
        else:
            raise KeyError(symbol)
        name = meth
        pat = rf'\s*def {re.escape(name)}\b'
    else:
        pat = rf'\s*(class|def) {re.escape(parts[0])}\b'
    for i in range(start, len(lines)):
        if re.match(pat, lines[i]):
            return i + 1
    raise KeyError(symbol)


out = {}
project_of = {}
files = sorted(f for f in os.listdir(CORPUS) if f.endswith('.py'))
missing = set(files) - set(L)
assert not missing, missing
for fname in files:
    lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
    assert lines[0].startswith('# source: '), fname
    src = lines[0][len('# source: '):]
    project = fname.split('__')[0]
    defs = []
    for d in L[fname]:
        d = dict(d)
        keys = d.pop('_v')
        d['line'] = find_line(lines, d['symbol'])
        ok = bool(keys) and all(RES.get(k, {}).get('pass') for k in keys)
        d['verified'] = 'torch' if ok else 'by reading'
        defs.append({k: d[k] for k in ['symbol', 'line', 'convention', 'epsilonParam', 'classesParam', 'modes', 'why', 'verified'] if k in d})
    out[fname] = dict(source=src, license=LIC[project], split='holdout' if project in HOLDOUT else 'tune', definitions=defs)

json.dump(out, open(os.path.join(CORPUS, 'labels.json'), 'w'), indent=2, ensure_ascii=False)
from collections import Counter
conv = Counter(d['convention'] for v in out.values() for d in v['definitions'])
ver = Counter(d['verified'] for v in out.values() for d in v['definitions'])
projs = {f.split('__')[0] for f in out}
split_p = Counter('holdout' if p in HOLDOUT else 'tune' for p in projs)
split_f = Counter(v['split'] for v in out.values())
print('files', len(out), 'projects', len(projs), 'defs', sum(conv.values()))
print('conventions', dict(conv))
print('verified', dict(ver))
print('split projects', dict(split_p), 'split files', dict(split_f))
