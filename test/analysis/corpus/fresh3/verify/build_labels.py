#!/usr/bin/python3
"""Writes ../labels.json from the hand-written labels below.

Lines are not typed by hand: a definition's line is found from its top-level `class`/`def`, a call's from the n-th
line matching `find`, so they cannot drift. A label is "torch" only when verify_fresh3.py has a passing check for
that file::symbol (or `verified_as`) in results.json; otherwise it stays "reading" with the reason in `why`.
Every file here is held out: collected and labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

NOT_CE = 'not a cross-entropy-family loss over labels: Loss Lens may stay silent'
TRAIN_FN = 'a training/eval function whose loss is built inline: Loss Lens may stay silent'
BUILDER = 'a target builder with no loss in it: Loss Lens may stay silent, but if it speaks it must say this'
IMPORTED = ('the smoothing happens in a module imported under its package name, stored here under another file name: '
            'Loss Lens may stay silent, but must not say "none"')
FACTORY = 'a factory whose loss is a nested closure: Loss Lens may report it on the closure instead'
MAJOR_READING = 'needs torch.distributed all-gather across GPUs and a CUDA device for its labels.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, call=None,
      find=None, nth=1, verified_as=None, rd=None):
    return dict(rd=rd, symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, call=call, find=find, nth=nth, verified_as=verified_as)


FILES = {
    # ------------------------------------------------------------------ uniform
    'wsrnas__loss.py': dict(license='NOASSERTION', defs=[
        D('CrossEntropyLabelSmooth', 'uniform',
          'scatter a one-hot, (1−ε)·onehot + ε/num_classes, then (−t·log_softmax).mean(0).sum(): the batch mean of '
          'the soft CE. Equals F.cross_entropy(label_smoothing=ε).', eps='epsilon', classes='num_classes'),
    ]),
    'pytorchtips__labelsmoothing.py': dict(license='NOASSERTION', defs=[
        D('LabelSmoothingCrossEntropyLoss', 'uniform',
          'ε·mean(−Σ log_softmax)/K + (1−ε)·F.nll_loss with K = output.size()[-1]: the (1−ε)·nll + ε·mean(−log p) '
          'form of uniform smoothing (ε = 0.1 by default).', eps='epsilon'),
    ]),
    'pytorchoptimizer__cross_entropy.py': dict(license='Apache-2.0', defs=[
        D('BCELoss', 'uniform',
          'Probability input: in training and when label_smooth > 0 the targets become (1−ε)·y + ε/K with '
          'K = y_pred.size(-1), then F.binary_cross_entropy on the clamped probabilities. ε/K per column, like '
          'timm\'s BinaryCrossEntropy (uniform), not the ε/2 binary rule.', eps='label_smooth',
          modes={'eval()': 'none', 'label_smooth=0.0 (default)': 'none'}),
    ]),
    'pytorchoptimizer__focal.py': dict(license='Apache-2.0', defs=[
        D('FocalLoss', 'none', 'α·(1 − exp(−bce))^γ·BCE-with-logits on the given targets: focal modulation, no smoothing.'),
        D('FocalCosineLoss', 'none',
          'cosine_embedding_loss(logits, one_hot(y)) + w·focal-modulated F.cross_entropy(normalize(logits), y): hard labels.'),
        D('BCEFocalLoss', 'uniform',
          'self.bce = BCELoss(label_smooth=...) from pytorch_optimizer.loss.cross_entropy (the (1−ε)·y + ε/K target), '
          'weighted by y·α·(1−p)^γ + (1−y)^γ computed from the raw targets. label_smooth=0.0 by default.',
          eps='label_smooth', modes={'label_smooth=0.0 (default)': 'none'}, optional=IMPORTED, accept=['uniform']),
    ]),
    'gecdi__criterion.py': dict(license='MIT', defs=[
        D('CrossEntropyLoss', 'uniform',
          'A subclass of nn.CrossEntropyLoss whose forward calls F.cross_entropy with label_smoothing=self.label_smoothing '
          'in training and 0 in eval (weight, ignore_index and reduction passed through).', eps='label_smoothing',
          modes={'eval()': 'none', 'label_smoothing=0.0 (default)': 'none'}),
    ]),
    'torchline__loss.py': dict(license='MIT', defs=[
        D('CrossEntropy', 'none', 'Registry factory: torch.nn.CrossEntropyLoss(weight=cfg.loss.class_weight).',
          optional=FACTORY, accept=['none']),
        D('torch.nn.CrossEntropyLoss', 'none', 'Plain CE with class weights.', call=True,
          find=r'return torch\.nn\.CrossEntropyLoss\(', verified_as='CrossEntropy'),
        D('CrossEntropyLabelSmooth', 'uniform',
          'Registry factory: _CrossEntropyLabelSmooth(cfg.loss.label_smoothing), 0.1 when the config has none: ε from '
          'the config, the convention from the class below.', eps='cfg.loss.label_smoothing'),
        D('_CrossEntropyLabelSmooth', 'uniform',
          'scatter a one-hot, ·(1−ε) + ε/n_classes with n_classes = pred.size(1); mean −Σ target·LogSoftmax.',
          eps='label_smoothing'),
    ]),
    'oml__label_smoothing.py': dict(license='Apache-2.0', defs=[
        D('label_smoothing', 'uniform',
          'F.one_hot(y)·(1−ε) + ε/num_classes; with `categories` the ε is spread only over the classes of the '
          'label\'s category (a category-restricted variant).', eps='epsilon', classes='num_classes',
          modes={'categories given': 'other'}, optional=BUILDER, accept=['uniform']),
    ]),
    'oml__arcface.py': dict(license='Apache-2.0', defs=[
        D('ArcFaceLoss', 'uniform',
          'Additive angular margin on the label logit (the one-hot only selects where the margin goes), then, when '
          'smoothing_epsilon, y = label_smoothing(y, num_classes, ε) from oml.functional.label_smoothing (uniform) '
          'and nn.CrossEntropyLoss on the soft target. smoothing_epsilon=0 by default.', eps='smoothing_epsilon',
          classes='num_classes', modes={'smoothing_epsilon=0 (default)': 'none', 'label2category given': 'other'},
          optional=IMPORTED, accept=['uniform']),
        D('ArcFaceLossWithMLP', 'uniform', 'An MLP projector, then ArcFaceLoss (above) with the same smoothing_epsilon.',
          eps='smoothing_epsilon', classes='num_classes', modes={'smoothing_epsilon=0 (default)': 'none'},
          optional=IMPORTED, accept=['uniform']),
    ]),
    'suncet__losses.py': dict(license='MIT', defs=[
        D('init_paws_loss', 'soft_target',
          'PAWS: soft CE (Σ log p^(−t)) of the anchor views\' soft-nearest-neighbour class probabilities against the '
          'sharpened soft-nearest-neighbour predictions of the target views (a model-made distribution), plus a '
          'me-max entropy term.', optional=FACTORY, accept=['soft_target']),
        D('init_simclr_loss', 'none',
          'NT-Xent by hand: −Σ log(exp(pos)/Σ exp) / 2B over masked similarities; the one-hot is a positive-pair mask.',
          optional=NOT_CE, accept=['none']),
        D('init_suncet_loss', 'soft_target',
          'Σ log p^(−t) with t = the labels matrix rows passed in (one-hot or make_labels_matrix\'s smoothed rows), p the '
          'class probabilities of a similarity softmax over the other samples.', optional=FACTORY,
          accept=['soft_target', 'none']),
        D('make_labels_matrix', 'uniform',
          'off_value = ε/K (K = num_classes, or num_classes·world_size with unique_classes), the label\'s column set '
          'to 1 − ε + off_value: the uniform target, used as support labels of the PAWS/SuNCEt losses.',
          eps='smoothing', classes='num_classes', optional=BUILDER, accept=['uniform']),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'sptcode__label_smoothing.py': dict(license='MIT', defs=[
        D('LabelSmoothingCrossEntropyLoss', 'k_minus_1',
          'zeros, fill ε/(n_class−1), scatter 1−ε on the label; mean −Σ target·log_softmax.', eps='smoothing',
          classes='n_class', modes={'smoothing=0.0 (default)': 'none'}),
    ]),
    'noisevalidation__smoothing.py': dict(license='MIT', defs=[
        D('LabelSmoothLoss', 'k_minus_1',
          'weight = ones·ε/(K−1) with K = input.size(-1), scatter 1−ε on the label; mean −Σ weight·log_softmax '
          '(ε = 0.05 by default).', eps='smoothing'),
    ]),
    'noisevalidation__train_mnist_smoothing.py': dict(license='MIT', defs=[
        D('train', 'k_minus_1',
          'criterion = LabelSmoothLoss(smoothing=0.1) from the sibling module smoothing.py (K−1 target), applied to '
          'the model outputs in the training loop.', eps=None, optional=TRAIN_FN + '; ' + IMPORTED,
          accept=['k_minus_1']),
        D('LabelSmoothLoss', 'k_minus_1', 'LabelSmoothLoss(smoothing=0.1) from `smoothing` (K−1 target, ε = 0.1).',
          call=True, find=r'^criterion = LabelSmoothLoss\(', optional=IMPORTED, accept=['k_minus_1'],
          verified_as='train'),
        D('validate', 'none', 'nn.CrossEntropyLoss() on the validation set.', optional=TRAIN_FN, accept=['none']),
        D('test', 'none', 'nn.CrossEntropyLoss() on the test set.', optional=TRAIN_FN, accept=['none'],
          rd='it only prints its loss (the same criterion as validate, which is checked).'),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE in validate.', call=True, find=r'^criterion = nn\.CrossEntropyLoss\(\)',
          nth=1),
        D('nn.CrossEntropyLoss', 'none', 'Plain CE in test.', call=True, find=r'^criterion = nn\.CrossEntropyLoss\(\)',
          nth=2),
    ]),
    'synthie__training_utils.py': dict(license='MIT', defs=[
        D('label_smoothed_nll_loss', 'k_minus_1',
          'fairseq-style (1−ε)·nll + ε_i·Σ_k(−log p_k) with ε_i = ε/(V−1) ("the padding token is ignored"), padding '
          'tokens masked, divided by the token count. Unlike fairseq it does not subtract ε_i from the nll weight, so '
          'the implied target is 1−ε+ε/(V−1) on the label and ε/(V−1) elsewhere, total mass 1+ε/(V−1): the K−1 '
          'off-label mass, but unnormalised.', eps='epsilon', optional='an unnormalised target (mass 1+ε/(V−1)): '
          'K−1 by its off-label mass, uniform-shaped once normalised', accept=['k_minus_1', 'uniform', 'other']),
    ]),
    # ------------------------------------------------------------------ k_minus_2_padding
    'nernghia__label_smoothing_loss.py': dict(license='NOASSERTION', defs=[
        D('LabelSmoothingLoss', 'k_minus_2_padding',
          'targets arrive one-hot and are argmax-ed; x.clone() filled with ε/(size−2), 1−ε scattered on the label, '
          'the padding column and the padding rows zeroed; KLDivLoss(batchmean) against log_softmax(x).',
          eps='smoothing', classes='size', modes={'smoothing=0.0 (default)': 'none'}),
    ]),
    # ------------------------------------------------------------------ binary
    'brainmri__losses.py': dict(license='NOASSERTION', defs=[
        D('real_loss', 'binary',
          'smooth=True: real labels 0.9 then BCE-with-logits (one-sided smoothing of the "real" label; equals '
          't·(1−α)+α/2 at α = 0.2 for the all-ones targets this function sees); smooth=False (default): labels 1.',
          modes={'smooth=False (default)': 'none'}, optional='one-sided smoothing: binary on the targets it sees',
          accept=['binary', 'other']),
        D('fake_loss', 'none', 'BCE-with-logits against zeros.'),
    ]),
    '3dgenius__loss.py': dict(license='NOASSERTION', defs=[
        D('real_loss', 'binary',
          'smooth=True: real labels drawn from U(0.9, 1) (mean 0.95 = 1·(1−α)+α/2 at α = 0.1), BCE-with-logits; '
          'smooth=False (default): ones. (`torch` and `device` are used without being defined in the file.)',
          modes={'smooth=False (default)': 'none'}, optional='noisy smoothing: binary in expectation',
          accept=['binary', 'other']),
        D('fake_loss', 'binary', 'fake labels always drawn from U(0, 0.1) (mean 0.05 = α/2 at α = 0.1), BCE-with-logits.',
          optional='noisy smoothing: binary in expectation', accept=['binary', 'other']),
    ]),
    # ------------------------------------------------------------------ other
    'noisynids__BootHardLoss.py': dict(license='NOASSERTION', defs=[
        D('BootHardLoss', 'other',
          'Hard bootstrapping: target β·onehot(y) + (1−β)·onehot(argmax p), the model\'s own prediction; −Σ t·log p '
          '(β = 0.8).', eps='beta'),
    ]),
    'noisynids__BootSoftLoss.py': dict(license='NOASSERTION', defs=[
        D('BootSoftLoss', 'other',
          'Soft bootstrapping: target β·onehot(y) + (1−β)·p with p the (not detached) softmax; −Σ t·log p (β = 0.95).',
          eps='beta'),
    ]),
    'singlora__max_entropy.py': dict(license='AGPL-3.0', defs=[
        D('MaximumEntropyLoss', 'other',
          'Mean entropy −Σ p·log p of the model\'s own softmax (the caller subtracts it from CE): a confidence '
          'penalty with no labels.', optional=NOT_CE, accept=['other', 'none']),
    ]),
    # ------------------------------------------------------------------ negatives: distillation, mixup
    'kdrtdetr__kd_losses.py': dict(license='NOASSERTION', category='distillation', defs=[
        D('kl_div_loss', 'soft_target',
          'F.kl_div(log_softmax(s/T), softmax(teacher/T), reduction="none")·T²: element-wise distillation.'),
    ]),
    'robustft__distill.py': dict(license='Apache-2.0', category='distillation', defs=[
        D('KnowledgeDistillationLoss', 'soft_target',
          'T²·KLDivLoss(batchmean)(log_softmax(logits/T), softmax(soft_labels/T)), T = 10: distillation to a teacher.'),
    ]),
    'birdcall__mixup.py': dict(license='NOASSERTION', category='mixup', defs=[
        D('mixup_criterion', 'soft_target',
          'lam·criterion(pred, y_a) + (1−lam)·criterion(pred, y_b): the mixup target lam·y_a + (1−lam)·y_b '
          '(inputs mixed in mixup_data).'),
    ]),
    # ------------------------------------------------------------------ negatives: contrastive, margins, focal
    'clipvisionnlp__clipLoss.py': dict(license='NOASSERTION', category='contrastive', defs=[
        D('CLIPLoss', 'none', 'Symmetric InfoNCE: nn.CrossEntropyLoss over image·text similarities with arange labels.'),
    ]),
    'ascension__loss.py': dict(license='AGPL-3.0', category='contrastive', defs=[
        D('SupConLoss', 'none',
          'Supervised contrastive: log-softmax over feature similarities (self masked by scatter), averaged over the '
          'same-label positives; the label mask is a pair mask, not a class target.', optional=NOT_CE,
          accept=['none', 'soft_target']),
    ]),
    'singlora__cosface.py': dict(license='AGPL-3.0', category='margins', defs=[
        D('CosFaceLoss', 'none',
          'one_hot·(cos − m) + (1 − one_hot)·cos, ×s, then F.cross_entropy on the hard labels: a margin on the logits.'),
    ]),
    'ee488a__aamsoftmax.py': dict(license='MIT', category='margins', defs=[
        D('LossFunction', 'none',
          'AAM-softmax: one_hot·cos(θ+m) + (1 − one_hot)·cos θ, ×s, then nn.CrossEntropyLoss on the hard labels.'),
    ]),
    'torchline__focal_loss.py': dict(license='MIT', category='focal', defs=[
        D('FocalLoss', 'none', 'Registry factory: _FocalLoss(alpha, gamma, classes) from the config.', optional=FACTORY,
          accept=['none']),
        D('_FocalLoss', 'none',
          '−α_y·(1 − p_y)^γ·log p_y on hard labels; the constant alpha is stored as zeros(K) + 1e-5 + α, a class '
          'weight (the 1e-5 is not a target mass).'),
    ]),
    'pesr__focal_loss.py': dict(license='NOASSERTION', category='focal', defs=[
        D('FocalLoss', 'none', 'BCE-with-logits weighted by (1 − p_t)^γ on the given targets; γ=0 is plain BCE.'),
    ]),
    'prcl__loss.py': dict(license='NOASSERTION', category='contrastive', defs=[
        D('Attention_Threshold_Loss', 'none',
          'Pixel-wise F.cross_entropy(ignore_index=−1) on pseudo-labels, weighted per image by the share of confident '
          'pixels, mean of the positive losses.'),
        D('Prcl_Loss', 'none',
          'Prototype contrastive loss: F.cross_entropy(mutual-likelihood logits / T, zeros) — the positive prototype '
          'sits in column 0.', optional=NOT_CE, accept=['none'], rd=MAJOR_READING),
        D('Prcl_Loss_single', 'none', 'The single-GPU Prcl_Loss: same CE against column 0.', optional=NOT_CE,
          accept=['none'], rd='needs a CUDA device for its zero labels and a full segmentation batch.'),
    ]),
    'mingpt__model.py': dict(license='MIT', category='attention', defs=[
        D('F.cross_entropy', 'none', 'GPT.forward: F.cross_entropy(logits, targets, ignore_index=−1), plain next-token CE.',
          call=True, find=r'loss = F\.cross_entropy\(', rd='torch\'s own cross-entropy on hard token targets.'),
    ]),
    # ------------------------------------------------------------------ negatives with no loss at all
    'poolformer__poolformer.py': dict(license='Apache-2.0', category='pooling', defs=[]),
    'attentionmodule__cbam.py': dict(license='MIT', category='attention', defs=[]),
    'shoppingmall__pooling.py': dict(license='NOASSERTION', category='pooling', defs=[]),
    'prcl__ema.py': dict(license='NOASSERTION', category='ema', defs=[]),
    'yoloscratch__DropBlock.py': dict(license='NOASSERTION', category='masks', defs=[]),
}


def first_line_source(path):
    return open(path, encoding='utf-8').readline().strip()[len('# source: '):]


def locate(lines, d):
    if d['call']:
        hits = [i + 1 for i, l in enumerate(lines) if re.search(d['find'], l.strip())]
        return hits[d['nth'] - 1]
    pat = re.compile(rf'^(class|def)\s+{re.escape(d["symbol"])}\b')
    return next(i + 1 for i, l in enumerate(lines) if pat.match(l))


def main():
    out = {}
    on_disk = sorted(f for f in os.listdir(CORPUS) if f.endswith('.py'))
    assert sorted(FILES) == on_disk, set(FILES) ^ set(on_disk)
    for fname in on_disk:
        spec = FILES[fname]
        lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
        entry = {'source': first_line_source(os.path.join(CORPUS, fname)), 'license': spec['license'],
                 'split': 'holdout'}
        if 'category' in spec:
            entry['kind'] = 'negative'
            entry['category'] = spec['category']
        else:
            entry['kind'] = 'positive'
        defs = []
        for d in spec['defs']:
            res = RESULTS.get(f"{fname}::{d['verified_as'] or d['symbol']}")
            verified = 'torch' if res and res['pass'] else 'reading'
            o = {'symbol': d['symbol'], 'line': locate(lines, d), 'convention': d['convention']}
            if d['call']:
                o['call'] = True
            o['epsilonParam'] = d['eps']
            o['classesParam'] = d['classes']
            if d['modes']:
                o['modes'] = d['modes']
            why = d['why']
            if verified == 'torch':
                why += f" [torch: {res['detail']}]"
            else:
                why += ' Reading only: ' + (d['rd'] or 'a constructor call; what it builds is torch\'s own class.')
            o['why'] = why
            o['verified'] = verified
            if d['optional']:
                o['optional'] = True
                o['accept'] = d['accept']
                o['optionalWhy'] = d['optional']
            defs.append(o)
        entry['definitions'] = defs
        out[fname] = entry
    with open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    n = sum(len(e['definitions']) for e in out.values())
    torch_n = sum(d['verified'] == 'torch' for e in out.values() for d in e['definitions'])
    print(f'{len(out)} files, {n} definitions, {torch_n} verified in torch')


if __name__ == '__main__':
    main()
