#!/usr/bin/python3
"""Builds ../labels.json from the table below (labels written by reading the code, independently of the analyser).
Line numbers are found from the `class X` / `def X` line in the saved file (1-based, header counted).
"verified": "torch" only where verify_fresh.py recorded a passing check (results.json); see NOT_TORCH for overrides."""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RES = json.load(open(os.path.join(HERE, 'results.json')))

LIC = {
    'coincheung_pytorch_loss': 'MIT', 'fast_reid': 'Apache-2.0', 'deep_person_reid': 'MIT',
    'reid_strong_baseline': 'MIT', 'kospeech': 'Apache-2.0', 'thumt': 'BSD-3-Clause', 'pycls': 'MIT',
    'presumm': 'MIT', 'pytext': 'BSD-3-Clause (PyText BSD License)', 'mmt': 'MIT', 'dgcnn': 'MIT',
    'cavaface': 'MIT', 'cassava_kaggle': 'none stated (no LICENSE file)', 'openspeech': 'MIT',
    'uer_py': 'Apache-2.0', 'resnets3d': 'MIT', 'opentransformer': 'MIT', 'yolop': 'MIT',
    'neural_sp': 'Apache-2.0', 'asl': 'MIT', 'sam': 'MIT', 'edouard99_gan': 'none stated (no LICENSE file)',
    'machinelp_classifier': 'none stated (no LICENSE file)', 'fgvc': 'none stated (no LICENSE file)',
    'resnest': 'Apache-2.0', 'holocron': 'Apache-2.0', 'supcontrast': 'BSD-2-Clause', 'repdistiller': 'BSD-2-Clause',
    'attention_transfer': 'none stated (no LICENSE file)', 'simclr_spijkervet': 'MIT', 'focal_loss_pytorch': 'MIT',
    'multiclass_focal_loss': 'MIT', 'pytorch_segmentation': 'MIT', 'awesome_semseg': 'Apache-2.0',
    'ema_pytorch': 'MIT', 'mixmatch': 'MIT', 'face_pytorch': 'Apache-2.0', 'mixup_hongyi': 'BSD-3-Clause', 'pytorch_ssim': 'MIT',
}

NOT_TORCH = {
    # forward() as written raises IndexError when smoothing > 0 (see verify_fresh.py); only the pieces were checked
    'openspeech__joint_ctc_cross_entropy.py::JointCTCCrossEntropyLoss',
}

UNI = '= nn.CrossEntropyLoss(label_smoothing=ε)'


def D(symbol, convention, why, modes=None, check=None):
    d = {'symbol': symbol, 'convention': convention}
    if modes:
        d['modes'] = modes
    d['why'] = why
    d['_check'] = check
    return d


POS = {}
NEG = {}

POS['coincheung_pytorch_loss__label_smooth.py'] = [
    D('LabelSmoothSoftmaxCEV1', 'other', 'lb_pos = 1−ε on the true class, lb_neg = ε/K on every other class (num_classes = logits.size(1)); the target sums to 1−ε/K, so it is neither uniform (true would be 1−ε+ε/K) nor ε/(K−1); ignore_index rows zeroed, mean over valid.'),
    D('LSRCrossEntropyFunctionV2', 'other', 'Same target as V1 (1−ε, ε/K) in a custom autograd.Function; backward uses coeff = (K−1)·ε/K + 1−ε = target mass.'),
    D('LabelSmoothSoftmaxCEV2', 'other', 'Wraps LSRCrossEntropyFunctionV2: target 1−ε / ε/K (unnormalised).'),
    D('LSRCrossEntropyFunctionV3', 'other', 'C++/CUDA extension lsr_cpp (not in file) called with the same lb_smooth argument; same API as V2, stated to implement the same loss. Not runnable here.', check=False),
    D('LabelSmoothSoftmaxCEV3', 'other', 'Wraps LSRCrossEntropyFunctionV3 (lsr_cpp extension); same parameters as V1/V2.', check=False),
]
POS['fast_reid__cross_entroy_loss.py'] = [
    D('cross_entropy_loss', 'k_minus_1', 'targets = ones·ε/(K−1), scatter 1−ε on gt (K = pred.size(1)); sum over classes, divided by the count of non-zero rows.',
      modes={'eps < 0 (adaptive)': 'other'}),
]
POS['deep_person_reid__cross_entropy_loss.py'] = [
    D('CrossEntropyLoss', 'uniform', '(1−ε)·onehot + ε/num_classes, (−t·logp).mean(0).sum() ' + UNI + '.', modes={'label_smooth=False': 'none'}),
]
POS['reid_strong_baseline__triplet_loss.py'] = [
    D('CrossEntropyLabelSmooth', 'uniform', '(1−ε)·onehot + ε/num_classes; (−t·logp).mean(0).sum() ' + UNI + '. (TripletLoss in the same file is metric learning, not labelled.)'),
]
POS['kospeech__label_smoothed_cross_entropy.py'] = [
    D('LabelSmoothedCrossEntropyLoss', 'k_minus_1', 'Inputs are log-probabilities: fill ε/(num_classes−1), scatter 1−ε, rows with ignore_index zeroed, summed (reduction_method).',
      modes={'smoothing=0': 'none'}),
]
POS['thumt__losses.py'] = [
    D('SmoothedCrossEntropyLoss', 'k_minus_1', 'p = 1−ε on logp_y, q = ε/(K−1) on the other K−1 log-probs; normalize=True subtracts the target entropy (KL form). Eval mode or smoothing=0 returns plain NLL.',
      modes={'eval (not self.training) or smoothing=0': 'none'}),
]
POS['pycls__net.py'] = [
    D('smooth_one_hot_labels', 'uniform', 'neg = ε/K, pos = 1−ε+ε/K with K = cfg.MODEL.NUM_CLASSES; used with SoftCrossEntropyLoss ' + UNI + '.'),
    D('SoftCrossEntropyLoss', 'soft_target', 'sum(−y·log_softmax(x))/N against whatever probability target y it is given (one-hot/smoothed/mixup); no smoothing of its own.'),
]
POS['presumm__loss.py'] = [
    D('abs_loss', 'k_minus_2_padding', 'Builds NMTLossCompute(label_smoothing if train else 0.0).', modes={'train=False or label_smoothing=0': 'none'}),
    D('LabelSmoothingLoss', 'k_minus_2_padding', 'OpenNMT style: ε/(V−2) everywhere, padding column 0, 1−ε on target, padding rows zeroed, F.kl_div(sum) on log-probs.'),
    D('NMTLossCompute', 'k_minus_2_padding', 'criterion = LabelSmoothingLoss when label_smoothing > 0 else NLLLoss(ignore_index=pad, sum).', modes={'label_smoothing=0': 'none'}),
]
POS['pytext__loss.py'] = [
    D('CrossEntropyLoss', 'none', 'nll_loss(log_softmax) with ignore_index / weight.'),
    D('NLLLoss', 'none', 'F.nll_loss on given log-probs.'),
    D('BinaryCrossEntropyWithLogitsLoss', 'none', 'BCE-with-logits on targets[0] (given one-hot/multi-hot), pos_weight.', check=False),
    D('BinaryCrossEntropyLoss', 'none', 'One-vs-all BCE on one-hot targets; reweight_negative multiplies the LOSS of negative columns by 1/(K−1) (a weight, targets stay 0/1).'),
    D('HingeLoss', 'none', 'F.multi_margin_loss.', check=False),
    D('MultiLabelSoftMarginLoss', 'none', 'n-hot targets, F.multilabel_soft_margin_loss.', check=False),
    D('AUCPRHingeLoss', 'none', 'AUC-PR surrogate: weighted hinge on one-hot labels with Lagrange multipliers.', check=False),
    D('KLDivergenceBCELoss', 'soft_target', 'KL between sigmoid(logits/T) and sigmoid(teacher/T) (both polarities) ·T², plus hard_weight·BCE.', check=False),
    D('KLDivergenceCELoss', 'soft_target', 'Distillation: KL(softmax(teacher/T) || softmax(x/T))·T² mixed with hard_weight·NLL.'),
    D('LabelSmoothedCrossEntropyLoss', 'uniform', '(1−β)·NLL + β·mean_k(−log p_k) (use_entropy=False, the default) ' + UNI.replace('ε', 'β') + '; use_entropy=True uses −H(p) (confidence penalty, no target).',
      modes={'use_entropy=True': 'other'}),
    D('BinaryFocalLoss', 'none', 'alpha·(1−pt)^γ·BCE on given targets.', check=False),
    D('FocalLoss', 'none', 'nll_loss of alpha·(1−p)^γ·log p (focal weight).'),
    D('CTCLoss', 'none', 'F.ctc_loss on log_softmax.', check=False),
]
POS['mmt__crossentropy.py'] = [
    D('CrossEntropyLabelSmooth', 'uniform', '(1−ε)·onehot + ε/num_classes; (−t·logp).mean(0).sum() ' + UNI + '.'),
    D('SoftEntropy', 'soft_target', 'CE against softmax(targets).detach() (mean-teacher soft labels).'),
]
POS['dgcnn__util.py'] = [
    D('cal_loss', 'k_minus_1', 'eps = 0.2 hard-coded: one_hot·(1−eps) + (1−one_hot)·eps/(n_class−1), mean over rows.', modes={'smoothing=False': 'none'}),
]
POS['cavaface__loss.py'] = [
    D('FocalLoss', 'none', 'Focal modulation of the batch-mean CE ((1−exp(−CE))^γ·CE).'),
    D('HardMining', 'none', 'Plain CE on the hardest samples (hard targets).', check=False),
    D('smooth_one_hot', 'k_minus_1', 'fill ε/(classes−1), scatter 1−ε.'),
    D('LabelSmoothCrossEntropyLoss', 'k_minus_1', 'CE against smooth_one_hot(target, classes, ε).'),
    D('ParallelArcLoss', 'none', 'ArcFace margin logits then (model-parallel) cross entropy on hard targets.', check=False),
]
POS['cassava_kaggle__loss.py'] = [
    D('LabelSmoothLoss', 'k_minus_1', 'fill ε/(classes−1), scatter 1−ε, mean of row sums.'),
    D('FocalCosineLoss', 'none', 'Cosine-embedding loss to one-hot + xent·focal CE on normalised logits (hard targets). .cuda() in __init__ (not run).', check=False),
    D('TaylorCrossEntropyLoss', 'k_minus_1', 'smoothing > 0 delegates to LabelSmoothLoss (ε/(K−1)); smoothing=0 (default) is meant to be NLL of the Taylor softmax (as written `.log` is not called and it errors).',
      modes={'smoothing=0 (default)': 'none'}),
    D('SymmetricCrossEntropy', 'k_minus_1', 'α·CE + β·"RCE"; with smoothing > 0 the CE term is LabelSmoothLoss (ε/(K−1)); the RCE term here is −Σ onehot·log clamp(p) (hard). Default smoothing=0.0 → hard targets.',
      modes={'smoothing=0 (default)': 'none'}),
    D('BiTemperedLogisticLoss', 'k_minus_1', 'Calls bi_tempered_logistic_loss(label_smoothing=smoothing): (1−εK/(K−1))·onehot + ε/(K−1).'),
    D('bi_tempered_binary_logistic_loss', 'k_minus_1', 'Stacks [a, 0] with labels [y, 1−y] (K = 2) and calls the multiclass loss: targets 1−ε / ε, i.e. binary α = 2ε (same as the existing pytorch_toolbelt label).'),
    D('bi_tempered_logistic_loss', 'k_minus_1', 'labels_onehot = (1 − ε·K/(K−1))·onehot + ε/(K−1): true 1−ε, others ε/(K−1).'),
]
POS['openspeech__label_smoothed_cross_entropy.py'] = [
    D('LabelSmoothedCrossEntropyLoss', 'k_minus_1', 'Log-prob inputs; fill ε/(num_classes−1), scatter 1−ε, pad rows zeroed, sum/mean of −t·logp.', modes={'smoothing=0': 'none'}),
]
POS['openspeech__joint_ctc_cross_entropy.py'] = [
    D('JointCTCCrossEntropyLoss', 'k_minus_1', 'CTC + weighted decoder CE; CE term = LabelSmoothedCrossEntropyLoss (other file: ε/(K−1)) when configs.criterion.smoothing > 0, else nn.CrossEntropyLoss. NB: as written forward() flattens logits/targets first, so the smoothed path raises IndexError inside LabelSmoothedCrossEntropyLoss.forward.',
      modes={'smoothing=0': 'none'}),
]
POS['uer_py__lm_target.py'] = [
    D('LmTarget', 'k_minus_1', 'In lm(): eps_i = ε/(V−1); (1−ε−eps_i)·nll + eps_i·Σ_k(−log p_k) → target 1−ε on true, ε/(V−1) elsewhere.', modes={'label_smoothing absent': 'none'}),
]
POS['resnets3d__losses.py'] = [
    D('LabelSmoothingCrossEntropy', 'uniform', 'ε·(Σ−log p)/n + (1−ε)·nll (fastai style) ' + UNI + '.'),
]
POS['opentransformer__loss.py'] = [
    D('LabelSmoothingLoss', 'k_minus_1', 'confidence = ε/(size−1), 1−ε on target, KL summed, pad/mask rows zeroed, / #tokens (normalize_length).'),
]
POS['yolop__loss.py'] = [
    D('MultiHeadLoss', 'none', 'Calls smooth_BCE(eps=0.0) → class targets cp=1, cn=0 (no smoothing); BCE / focal heads.'),
    D('get_loss', 'none', 'Factory: BCEWithLogits (pos_weight) criteria, optional FocalLoss, wrapped in MultiHeadLoss.', check=False),
    D('smooth_BCE', 'binary', 'Returns (1−0.5ε, 0.5ε) = y·(1−ε)+ε/2.'),
    D('FocalLoss', 'none', 'Focal modulation of a wrapped BCE (weight).'),
]
POS['neural_sp__criterion.py'] = [
    D('cross_entropy_lsm', 'k_minus_1', 'training and lsm_prob > 0: fill lsm/(V−1), scatter 1−lsm, padding rows masked.', modes={'lsm_prob=0 or not training': 'none'}),
    D('distillation', 'soft_target', 'CE against softmax(teacher/T).'),
    D('kldiv_lsm_ctc', 'other', 'KL(p || uniform(1/(V−1))) of the model distribution only — a label-smoothing regulariser for CTC with no target.'),
    D('focal_loss', 'other', '−α·Σ_k (1−p_k)^γ·log p_k over ALL vocabulary entries; ys is never used (no target), so it is not a hard-target focal loss.'),
]
POS['asl__losses.py'] = [
    D('AsymmetricLoss', 'none', 'Multi-label BCE on given 0/1 targets with asymmetric focusing and probability shifting (clip on the negative probability, not the target).'),
    D('AsymmetricLossOptimized', 'none', 'In-place version of AsymmetricLoss.'),
    D('ASLSingleLabel', 'uniform', 'targets·(1−ε) + ε/num_classes (num_classes = inputs.size(-1)) times ASL focusing weights; with γ=0 ' + UNI + '.'),
]
POS['sam__smooth_cross_entropy.py'] = [
    D('smooth_crossentropy', 'k_minus_1', 'full_like(ε/(n_class−1)), scatter 1−ε, F.kl_div(reduction=none).sum(-1).'),
]
POS['edouard99_gan__basic_functions.py'] = [
    D('BCEsmooth', 'binary', 'target·(1−0.1) + 0.1/2 then nn.BCELoss (GAN discriminator/generator).'),
]
POS['machinelp_classifier__ce_label_smoothing.py'] = [
    D('CrossEntropyLossWithLabelSmoothing', 'uniform', 'ls_ is the confidence: onehot·ls_ + (1−ls_)/n_dim, i.e. ε = 1−ls_ ' + UNI + '. NB: the file never imports F (NameError as written; check supplied it).'),
]
POS['fgvc__LabelSmooth.py'] = [
    D('LabelSmoothCELoss', 'uniform', 'module constant SMOOTHING = 0.4: (1−s)·onehot + s/K with K = pred.size(1); −log(softmax) ' + UNI + '.'),
]
POS['resnest__loss.py'] = [
    D('get_criterion', 'uniform', 'Picks NLLMultiLabelSmooth (mixup) / LabelSmoothing (cfg.DATA.LABEL_SMOOTHING > 0) / plain CrossEntropyLoss.',
      modes={'LABEL_SMOOTHING=0 and MIXUP=0': 'none'}, check=False),
    D('LabelSmoothing', 'uniform', 'confidence·nll + ε·mean_k(−log p_k) ' + UNI + '.'),
    D('NLLMultiLabelSmooth', 'uniform', 'Training: (1−ε)·Σ−t·logp + ε·mean_k(−log p_k) for a (mixup) probability target t; eval: F.cross_entropy(x, target) with the given target.',
      modes={'eval (self.training is False)': 'soft_target'}),
]

NEG['holocron__functional.py'] = [
    D('focal_loss', 'none', 'Focal loss on gathered target log-probs (weight only).'),
    D('multilabel_cross_entropy', 'soft_target', '−Σ target·log_softmax against a given (multi-label / probability) target.'),
    D('complement_cross_entropy', 'none', 'CE + γ·complement-entropy regulariser over the non-target classes (comment says "Smooth the labels" but the target of the CE term is hard).'),
    D('mutual_channel_loss', 'none', 'CE on channel-max features minus α·diversity term (hard targets).', check=False),
    D('dice_loss', 'none', 'Soft dice on given targets (segmentation).', check=False),
    D('poly_loss', 'none', 'Poly-1: CE + ε·(1−p_t); ε is the poly coefficient, not smoothing.'),
]
NEG['holocron__loss.py'] = [
    D('FocalLoss', 'none', 'Wraps F.focal_loss.'),
    D('MultiLabelCrossEntropy', 'soft_target', 'Wraps F.multilabel_cross_entropy (given probability/multi-label target).'),
    D('ComplementCrossEntropy', 'none', 'Wraps F.complement_cross_entropy; docstring calls gamma a "smoothing factor" but it weights a regulariser.'),
    D('ClassBalancedWrapper', 'none', 'Class-balanced weights (1−β)/(1−β^n) put on the wrapped criterion.'),
    D('MutualChannelLoss', 'none', 'Wraps F.mutual_channel_loss.', check=False),
    D('DiceLoss', 'none', 'Wraps F.dice_loss.', check=False),
    D('PolyLoss', 'none', 'Wraps F.poly_loss.'),
]
NEG['supcontrast__losses.py'] = [
    D('SupConLoss', 'none', 'Supervised contrastive loss: mean log-prob over same-label positives (SimCLR when labels=None); hard label-derived mask, no smoothing.'),
]
NEG['repdistiller__KD.py'] = [
    D('DistillKL', 'soft_target', 'KL(softmax(t/T) || softmax(s/T))·T²/N.'),
]
NEG['attention_transfer__utils.py'] = [
    D('distillation', 'soft_target', 'α·KD KL at temperature T + (1−α)·CE(hard labels). (at_loss is attention-map regression, not labelled.)'),
]
NEG['simclr_spijkervet__nt_xent.py'] = [
    D('NT_Xent', 'none', 'CrossEntropyLoss(sum)/N with labels = 0 (positive column) over cosine similarities.'),
]
NEG['focal_loss_pytorch__focalloss.py'] = [
    D('FocalLoss', 'none', '−(1−pt)^γ·α_t·log pt. NB: isinstance(alpha,(float,int,long)) needs Python 2 `long` (check defined long=int).'),
]
NEG['multiclass_focal_loss__focal_loss.py'] = [
    D('FocalLoss', 'none', 'Weighted NLL times (1−pt)^γ.'),
    D('focal_loss', 'none', 'Factory returning FocalLoss.'),
]
NEG['pytorch_segmentation__losses.py'] = [
    D('CrossEntropyLoss2d', 'none', 'nn.CrossEntropyLoss(ignore_index=255).'),
    D('DiceLoss', 'none', 'Dice with additive `smooth` constant (not label smoothing).', check=False),
    D('FocalLoss', 'none', 'Focal modulation of per-pixel CE.'),
    D('CE_DiceLoss', 'none', 'CE + Dice.', check=False),
    D('LovaszSoftmax', 'none', 'Lovász-softmax on softmax probabilities.', check=False),
]
NEG['awesome_semseg__loss.py'] = [
    D('MixSoftmaxCrossEntropyLoss', 'none', 'CE on main + aux_weight·CE on aux predictions.'),
    D('EncNetLoss', 'none', 'CE + se_weight·BCE on the per-image class-presence vector (hard 0/1).', check=False),
    D('ICNetLoss', 'none', 'CE on three downsampled label maps.', check=False),
    D('OhemCrossEntropy2d', 'none', 'Online hard example mining CE (threshold on target probability).', check=False),
    D('MixSoftmaxCrossEntropyOHEMLoss', 'none', 'OHEM CE with aux heads.', check=False),
    D('get_segmentation_loss', 'none', 'Factory choosing the losses above.', check=False),
]
NEG['ema_pytorch__ema_pytorch.py'] = []
NEG['mixmatch__train.py'] = [
    D('train', 'soft_target', 'MixMatch: sharpened guessed labels + mixup of one-hot/guessed targets, SemiLoss on the mixed targets.', check=False),
    D('validate', 'none', 'criterion = nn.CrossEntropyLoss on hard targets.', check=False),
    D('SemiLoss', 'soft_target', 'Lx = −mean Σ log_softmax·mixed_target; Lu = MSE(probs, guessed targets).'),
]
NEG['face_pytorch__ArcMarginProduct.py'] = []
NEG['mixup_hongyi__utils.py'] = [
    D('mixup_criterion', 'soft_target', 'lam·criterion(pred, y_a) + (1−lam)·criterion(pred, y_b): CE against the mixup target lam·onehot(y_a) + (1−lam)·onehot(y_b).'),
]
NEG['pytorch_ssim____init__.py'] = []
NEG['face_pytorch__centerloss.py'] = [
    D('CenterLoss', 'none', 'Squared distance of features to their class centre (hard labels; no target distribution).'),
]


def find_line(path, symbol):
    pat = re.compile(r'^(class|def)\s+' + re.escape(symbol) + r'\b')
    for i, line in enumerate(open(path), 1):
        if pat.match(line):
            return i
    raise KeyError(symbol)


out = {}
for kind, table in (('positive', POS), ('negative', NEG)):
    for fname, defs in table.items():
        path = os.path.join(CORPUS, fname)
        first = open(path).readline().strip()
        assert first.startswith('# source: ')
        src = first[len('# source: '):]
        proj = fname.split('__')[0]
        ds = []
        for d in defs:
            key = fname + '::' + d['symbol']
            chk = d.pop('_check')
            ok = RES.get(key) is True and chk is not False and key not in NOT_TORCH
            d = dict(d)
            d['line'] = find_line(path, d['symbol'])
            d['verified'] = 'torch' if ok else 'by reading'
            ds.append({k: d[k] for k in ('symbol', 'line', 'convention', 'modes', 'why', 'verified') if k in d})
        out[fname] = {'source': src, 'license': LIC[proj], 'kind': kind, 'split': 'holdout', 'definitions': ds}

json.dump(out, open(os.path.join(CORPUS, 'labels.json'), 'w'), indent=1, ensure_ascii=False)
files = [f for f in os.listdir(CORPUS) if f.endswith('.py')]
missing = sorted(set(files) - set(out))
print('files labelled:', len(out), 'missing:', missing)
