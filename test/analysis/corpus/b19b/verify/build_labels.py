#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below (written before the analysis was run on these files).

A definition's line is found from its top-level `class`/`def` (for `Class.method`, the method's `def` inside that
class) and a call's line from the first line matching its `find` pattern, so lines cannot drift. A label is "torch"
only when verify_b19b.py has a passing check for file::symbol in results.json; otherwise "reading", with the reason.
Files with no label smoothing anywhere are `kind: "negative"`: any smoothing claim in them is false.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call: what it builds is torch\'s class with the arguments shown.'
NEEDS_PROJECT = 'needs project modules that are not in this file (the criterion it is given / imports).'
DICE = 'a Dice overlap loss on probabilities and 0/1 masks: no class-label target to smooth; silence or none.'
DELEGATED = 'only wraps a criterion built elsewhere (delegated): silence or none.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find)


FILES = {
    # ------------------------------------------------------------------------------------- with label smoothing
    'openpoints__build.py': dict(license='MIT', defs=[
        D('SmoothCrossEntropy', 'k_minus_1',
          'label_smoothing > 0 (default 0.2): one_hot·(1−ε) + (1−one_hot)·ε/(n_class−1), −Σ t·log_softmax, batch '
          'mean; ignore_index rows dropped first. ε = 0 falls back to F.cross_entropy.', eps='label_smoothing',
          classes='pred.size(1)', modes={'label_smoothing=0': 'none (F.cross_entropy)'}),
        D('MaskedCrossEntropy', 'uniform',
          'torch CrossEntropyLoss(label_smoothing=label_smoothing) (default 0.2) on the rows where mask == 1.',
          eps='label_smoothing'),
        D('BCELogits', 'none', 'BCEWithLogitsLoss(**kwargs) against F.one_hot(targets): 0/1 targets.'),
        D('FocalLoss', 'none', 'softmax focal loss −(1−p_t)^γ·α_t·log p_t on the hard label.'),
        D('Poly1CrossEntropyLoss', 'none',
          'Poly-1: CE + ε·(1 − p_t) on the hard label. Its `epsilon` is the poly coefficient, not smoothing.'),
        D('Poly1FocalLoss', 'none',
          'sigmoid focal loss on one-hot targets + ε·(1 − p_t)^(γ+1): `epsilon` is the poly coefficient.'),
        D('MultiShapeCrossEntropy', 'none', 'sums the registry-built criterion over per-shape logits.',
          optional=DELEGATED, accept=['none'], rd=NEEDS_PROJECT),
    ]),
    'dltemplate__loss.py': dict(license='see the repository', defs=[
        D('ClassificationLoss', 'uniform',
          'nn.CrossEntropyLoss(label_smoothing=label_smoothing), ε from cfg.LOSS.LABEL_SMOOTHING (default 0.0).',
          eps='label_smoothing', modes={'label_smoothing=0.0 (the default)': 'none'}),
    ]),
    'picls__bce.py': dict(license='see the repository', defs=[
        D('BinaryCrossEntropy', 'uniform',
          'timm-style: off = ε/K, on = 1 − ε + ε/K (K = x.size(-1)) scattered into dense targets, then BCE-with-logits '
          '(bce_target re-binarises when set). ε = 0.1 by default.', eps='label_smoothing', classes='x.size(-1)'),
    ]),
    'picls__factory.py': dict(license='see the repository', defs=[
        D('nn.CrossEntropyLoss', 'uniform', 'criterion = nn.CrossEntropyLoss(label_smoothing=args.smoothing).',
          eps='args.smoothing', find=r'criterion = nn\.CrossEntropyLoss\(label_smoothing', rd=CALL),
        D('BinaryCrossEntropy', 'uniform',
          'BinaryCrossEntropy(label_smoothing=args.smoothing) from pic.criterion (its code is picls__bce.py, not '
          'reachable by this import path here).', eps='args.smoothing', find=r'criterion = BinaryCrossEntropy\(',
          optional='the class is imported from a package path that is not beside this file: silence or uniform',
          accept=['uniform'], rd=CALL),
        D('nn.CrossEntropyLoss', 'none', 'valid_criterion = nn.CrossEntropyLoss(): plain CE for validation.',
          find=r'valid_criterion = nn\.CrossEntropyLoss\(\)', rd=CALL),
    ]),
    # ---------------------------------------------------------------------------------- without label smoothing
    'lightninghydra__mnist_module.py': dict(license='MIT', negative=True, defs=[
        D('torch.nn.CrossEntropyLoss', 'none', 'self.criterion = torch.nn.CrossEntropyLoss() in __init__.',
          find=r'self\.criterion = torch\.nn\.CrossEntropyLoss\(\)', rd=CALL),
        D('MNISTLitModule.model_step', 'none', 'loss = self.criterion(logits, y) with the plain criterion.',
          optional='a Lightning step that calls the module\'s criterion: silence or none', accept=['none'],
          rd='needs a LightningModule and a network.'),
    ]),
    'mmsegmentation__cross_entropy_loss.py': dict(license='Apache-2.0', negative=True, defs=[
        D('cross_entropy', 'none', 'F.cross_entropy(weight=class_weight, ignore_index, reduction="none") then '
          'element weights and mean / sum / avg_factor.'),
        D('binary_cross_entropy', 'none', 'labels expanded to 0/1 one-hot (_expand_onehot_labels, ignore_index '
          'weights 0), BCE-with-logits with pos_weight=class_weight.'),
        D('mask_cross_entropy', 'none', 'BCE-with-logits of the labelled class\'s mask against the given mask.'),
        D('CrossEntropyLoss', 'none', 'registry loss: dispatches to the three functions above by use_sigmoid / '
          'use_mask; loss_weight scales it.'),
    ]),
    'mmsegmentation__ohem_cross_entropy_loss.py': dict(license='Apache-2.0', negative=True, defs=[
        D('OhemCrossEntropy', 'none', 'per-pixel CE (class weights, ignore_label) kept where the true-class '
          'probability is below max(threshold, min_kept-th smallest): online hard example mining.'),
    ]),
    'pytorchgan__gan.py': dict(license='MIT', negative=True, defs=[
        D('torch.nn.BCELoss', 'none', 'adversarial_loss = BCELoss() against valid = 1.0 and fake = 0.0 (no '
          'one-sided smoothing of the real label).', find=r'adversarial_loss = torch\.nn\.BCELoss\(\)', rd=CALL),
    ]),
    'pointnet2__pointnet2_cls_ssg.py': dict(license='MIT', negative=True, defs=[
        D('get_loss', 'none', 'F.nll_loss on the model\'s log_softmax output.'),
    ]),
    'unetbubbliiiing__unet_training.py': dict(license='MIT', negative=True, defs=[
        D('CE_Loss', 'none', 'nn.CrossEntropyLoss(weight=cls_weights, ignore_index=num_classes) on flattened pixels.'),
        D('Focal_Loss', 'none', 'softmax focal loss from −CE(reduction="none"): −(1−p_t)^γ·α·log p_t.'),
        D('Dice_loss', 'none', 'F-beta Dice on softmax probabilities vs one-hot masks.', optional=DICE,
          accept=['none']),
    ]),
    'pytorchunet__dice_score.py': dict(license='GPL-3.0', negative=True, defs=[
        D('dice_loss', 'none', '1 − Dice coefficient (per class when multiclass).', optional=DICE, accept=['none']),
    ]),
    'psenet__dice_loss.py': dict(license='Apache-2.0', negative=True, defs=[
        D('DiceLoss', 'none', 'masked sigmoid Dice 1 − 2Σpt/(Σp²+Σt²) per image.', optional=DICE, accept=['none']),
    ]),
    'stad__criterion.py': dict(license='see the repository', negative=True, defs=[
        D('TrainerCriterion.init_criterion', 'none',
          'getattr(torch.nn, cfg.criterion.name)(**cfg.criterion.args): whatever the config names.',
          optional='a config-driven factory: nothing in the code smooths; silence or none', accept=['none'],
          rd=NEEDS_PROJECT),
    ]),
    'a2cppo__ppo.py': dict(license='MIT', negative=True, defs=[]),
    'ignite__mnist.py': dict(license='BSD-3-Clause', negative=True, defs=[]),
    'cleanrl__c51.py': dict(license='MIT', negative=True, defs=[]),
    'mask2former__criterion.py': dict(license='MIT', negative=True, defs=[
        D('dice_loss', 'none', 'sigmoid Dice with +1 smoothing of numerator and denominator.', optional=DICE,
          accept=['none']),
        D('sigmoid_ce_loss', 'none', 'BCE-with-logits against the sampled 0/1 mask points, mean over points.'),
        D('SetCriterion.loss_labels', 'none',
          'F.cross_entropy with empty_weight (1 for classes, eos_coef for no-object): a class weight, hard labels.'),
        D('SetCriterion', 'none', 'Hungarian-matched sum of loss_labels and loss_masks (+ aux outputs).',
          optional='a matcher-driven set criterion: silence or none', accept=['none'], rd=NEEDS_PROJECT),
    ]),
    'ccnet__criterion.py': dict(license='MIT', negative=True, defs=[
        D('CriterionCrossEntropy', 'none', 'CrossEntropyLoss(ignore_index=255) on upsampled logits.'),
        D('CriterionOhemCrossEntropy', 'none', 'OhemCrossEntropy2d from the sibling .loss module.',
          optional=DELEGATED, accept=['none'], rd=NEEDS_PROJECT),
        D('CriterionDSN', 'none', 'deep supervision: CE(main) + 0.4·CE(aux), ignore_index 255.'),
        D('CriterionOhemDSN', 'none', 'OHEM CE (sibling module) on the main head + 0.4·plain CE on the aux head.',
          optional=DELEGATED, accept=['none'], rd=NEEDS_PROJECT),
    ]),
    'n2c2__custom_trainer.py': dict(license='see the repository', negative=True, defs=[
        D('CustomTrainer.compute_loss', 'none', 'HF Trainer subclass: nn.CrossEntropyLoss(weight=[2.1, 1.7, 1.5, '
          '2.9]) on the logits: class weights, hard labels.'),
    ]),
}


def first_line_source(path):
    return open(path, encoding='utf-8').readline().strip()[len('# source: '):]


def locate(lines, symbol):
    if '.' in symbol:
        cls, method = symbol.split('.')
        start = locate(lines, cls)
        pat = re.compile(rf'^\s+def\s+{re.escape(method)}\b')
        return next(i + 1 for i, l in enumerate(lines) if i >= start and pat.match(l))
    pat = re.compile(rf'^(class|def)\s+{re.escape(symbol)}\b')
    return next(i + 1 for i, l in enumerate(lines) if pat.match(l))


def find_line(lines, pattern):
    pat = re.compile(pattern)
    return next(i + 1 for i, l in enumerate(lines) if pat.search(l))


def label(fname, d, lines):
    res = RESULTS.get(f"{fname}::{d['symbol']}")
    verified = 'torch' if res and res['pass'] and not d['find'] else 'reading'
    o = {'symbol': d['symbol'], 'line': find_line(lines, d['find']) if d['find'] else locate(lines, d['symbol']),
         'convention': d['convention']}
    if d['find']:
        o['call'] = True
    o['epsilonParam'] = d['eps']
    o['classesParam'] = d['classes']
    if d['modes']:
        o['modes'] = d['modes']
    detail = f" [torch: {res['detail']}]" if verified == 'torch' else ' Reading only: ' + (d['rd'] or 'no check.')
    o['why'] = d['why'] + detail
    o['verified'] = verified
    if d['optional']:
        o['optional'] = True
        o['accept'] = d['accept']
        o['optionalWhy'] = d['optional']
    return o


def main():
    on_disk = sorted(n for n in os.listdir(CORPUS) if n.endswith('.py'))
    assert sorted(FILES) == on_disk, set(FILES) ^ set(on_disk)
    out = {}
    for fname in on_disk:
        spec = FILES[fname]
        lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
        out[fname] = {'source': first_line_source(os.path.join(CORPUS, fname)), 'license': spec['license'],
                      'split': 'tune', 'kind': 'negative' if spec.get('negative') else 'positive',
                      'definitions': [label(fname, d, lines) for d in spec['defs']]}
    with open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    n = sum(len(e['definitions']) for e in out.values())
    torch_n = sum(d['verified'] == 'torch' for e in out.values() for d in e['definitions'])
    neg = sum(e['kind'] == 'negative' for e in out.values())
    print(f'{len(out)} files ({neg} negative), {n} definitions, {torch_n} verified in torch')


if __name__ == '__main__':
    main()
