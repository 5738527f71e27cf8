#!/usr/bin/python3
"""Writes ../labels.json from the labels typed below (written before the analysis was run on these files).

A definition's line is found from its top-level `class`/`def` (for `Class.method`, the method's `def` inside that
class) and a call's line from the first line matching its `find` pattern, so lines cannot drift. A label is "torch"
only when verify_b21c.py has a passing check for file::symbol in results.json; otherwise "reading", with the reason.
Files with no label smoothing anywhere are `kind: "negative"`: any smoothing claim in them is false.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

CALL = 'a constructor call: what it builds is read off the class and the arguments shown.'
TRAINING = 'a training step / loop: silence or its loss\'s convention'
NOT_SMOOTHING = 'not label smoothing (a penalty, margin, weighting, regression or caller-given target): silence or none'
DELEGATED = 'only calls a criterion passed in or built elsewhere (delegated): silence or none'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    return dict(symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, rd=rd, find=find)


DGCNN_CAL_LOSS = ('DGCNN\'s cal_loss: smoothing=True (the default) builds (1 − ε)·onehot + ε/(K−1) off the label with '
                  'ε = 0.2 fixed, −Σ t·log_softmax, mean; smoothing=False is F.cross_entropy.')

FILES = {
    # ------------------------------------------------------------------------------------- with label smoothing
    'pointmlp__helper.py': dict(license='Apache-2.0', defs=[
        D('cal_loss', 'k_minus_1', DGCNN_CAL_LOSS, eps='0.2 (fixed)', classes='pred.size(1)',
          modes={'smoothing=False': 'none'}),
    ]),
    'curvenet__util.py': dict(license='see the repository', defs=[
        D('cal_loss', 'k_minus_1', DGCNN_CAL_LOSS, eps='0.2 (fixed)', classes='pred.size(1)',
          modes={'smoothing=False': 'none'}),
    ]),
    'pointcept__misc.py': dict(license='MIT', defs=[
        D('CrossEntropyLoss', 'uniform',
          'wraps nn.CrossEntropyLoss(label_smoothing=label_smoothing, ignore_index=-1) times loss_weight: ε/K. '
          'The default label_smoothing=0.0 is plain CE.', eps='label_smoothing',
          modes={'label_smoothing=0.0 (the default)': 'none'}),
        D('nn.CrossEntropyLoss', 'uniform', 'nn.CrossEntropyLoss(..., label_smoothing=label_smoothing).',
          eps='label_smoothing', modes={'label_smoothing=0.0 (the default)': 'none'},
          find=r'self\.loss = nn\.CrossEntropyLoss\(', rd=CALL),
        D('SmoothCELoss', 'k_minus_1',
          '(1 − ε)·onehot + ε/(K−1) off the label (ε = smoothing_ratio), −Σ t·log_softmax per row, non-finite rows '
          'dropped, mean. As found it calls Tensor.total(dim=1), which torch does not have (the check reads it as '
          'sum).', eps='smoothing_ratio', classes='pred.size(1)'),
        D('BinaryFocalLoss', 'none',
          'α-balanced binary focal loss on the caller\'s targets (BCE · (1 − p_t)^γ): no smoothing.',
          optional=NOT_SMOOTHING, accept=['none', 'soft_target']),
        D('FocalLoss', 'none',
          'sigmoid focal loss on F.one_hot of the hard labels (ignore_index rows dropped): hard targets.'),
        D('DiceLoss', 'none', 'per-class soft dice on softmax vs one-hot; smooth=1 is the dice denominator guard.',
          optional=NOT_SMOOTHING, accept=['none'], rd='dice, not CE: no check written.'),
    ]),
    'libfewshot__loss.py': dict(license='MIT', defs=[
        D('LabelSmoothCELoss', 'uniform', '(1 − ε)·nll + ε·mean_j(−log p_j) (fastai form): ε/K on every class.',
          eps='smoothing', classes='output.size(-1)'),
        D('DistillKLLoss', 'soft_target', 'KL(softmax(y_t/T) ‖ softmax(y_s/T))·T²/B: distillation.'),
        D('L2DistLoss', 'none', 'mean L2 distance between two feature batches (regression).',
          optional=NOT_SMOOTHING, accept=['none']),
    ]),
    'asam__example_cifar.py': dict(license='MIT', defs=[
        D('LabelSmoothingCrossEntropy', 'uniform',
          'timm\'s LabelSmoothingCrossEntropy(smoothing=args.smoothing): (1 − s)·nll + s·mean(−log p), i.e. ε/K.',
          eps='args.smoothing', find=r'criterion = LabelSmoothingCrossEntropy\(', rd=CALL + ' (timm is not installed here)'),
        D('torch.nn.CrossEntropyLoss', 'none', 'plain CE when --smoothing is 0.',
          find=r'criterion = torch\.nn\.CrossEntropyLoss\(', rd=CALL),
        D('train', 'uniform',
          'ASAM/SAM training loop; criterion = timm LabelSmoothingCrossEntropy(args.smoothing) when --smoothing '
          '(default 0.1) else CrossEntropyLoss; the loss is taken twice per step (ascent, descent).',
          eps='args.smoothing', modes={'--smoothing 0': 'none'}, optional=TRAINING, accept=['uniform'],
          rd='needs CIFAR, homura models and CUDA.'),
    ]),
    'birdcall__loss.py': dict(license='see the repository', defs=[
        D('PANNsLoss', 'other',
          'with label_smoothing set: label + ε/K everywhere, then the arg-max label set to 1 − ε, BCE on the '
          'clip-wise probabilities. On a one-hot target that is ε/K off and 1 − ε on (rows sum to 1 − ε/K): '
          'neither binary (ε or ε/2 off), uniform (1 − ε + ε/K on) nor K−1 (ε/(K−1) off). Other positives of a '
          'multi-hot target get 1 + ε/K. label_smoothing=None (the default) is plain BCE.',
          eps='epsilon', classes='label.size()[-1]', modes={'label_smoothing=None (the default)': 'none'}),
    ]),
    # ---------------------------------------------------------------------------------- without label smoothing
    'efficientat__ex_audioset.py': dict(license='MIT', negative=True, defs=[
        D('train', 'soft_target',
          'AudioSet training loop: BCE-with-logits against the mixup of two multi-hot targets (λ·y + (1 − λ)·y[perm], '
          'inputs mixed the same way) weighted kd_lambda, plus (1 − kd_lambda)·BCE against stored teacher '
          'sigmoid(logits/T) (distillation). Mixup and KD, not smoothing.',
          optional=TRAINING, accept=['soft_target', 'none'], rd='needs AudioSet, the models and teacher predictions.'),
        D('nn.BCEWithLogitsLoss', 'none', 'distillation_loss = nn.BCEWithLogitsLoss(reduction="none").',
          find=r'distillation_loss = nn\.BCEWithLogitsLoss\(', rd=CALL, optional=NOT_SMOOTHING,
          accept=['none', 'soft_target']),
        D('_test', 'none', 'evaluation: BCE-with-logits on the multi-hot labels, mAP / ROC.',
          optional=TRAINING, accept=['none'], rd='needs the model, mel front end and data loader.'),
    ]),
    'swa__utils.py': dict(license='BSD-2-Clause', negative=True, defs=[
        D('train_epoch', 'none', 'calls the criterion passed in; moving_average (the SWA running mean of weights) '
          'is not a loss.', optional=DELEGATED, accept=['none'], rd='needs CUDA and a loader.'),
    ]),
    'asam__asam.py': dict(license='MIT', negative=True, defs=[]),
    'pointr__chamfer_dist.py': dict(license='MIT', negative=True, defs=[
        D('ChamferDistanceL2', 'none', 'mean squared nearest-neighbour distances both ways (Chamfer L2).',
          optional=NOT_SMOOTHING, accept=['none']),
        D('ChamferDistanceL1', 'none', '(mean √d1 + mean √d2)/2 (Chamfer L1).', optional=NOT_SMOOTHING,
          accept=['none']),
    ]),
    'byola__augmentations.py': dict(license='see the repository', negative=True, defs=[]),
    'byola__train.py': dict(license='see the repository', negative=True, defs=[
        D('BYOLALearner.training_step', 'none', 'the BYOL loss of the wrapped learner (cosine regression to an EMA '
          'target network).', optional=DELEGATED, accept=['none'], rd='needs byol_pytorch and a model.'),
    ]),
    'speechcommands__mixup.py': dict(license='see the repository', negative=True, defs=[
        D('CrossEntropyLoss', 'soft_target',
          '−Σ q·log(softmax(x).clamp(1e-5, 1)) / B against the caller\'s (mixup) target distribution q. `Variable` '
          'is not imported in the file (the check supplies torch.Tensor).',
          optional='a caller-given distribution target: silence, soft_target or none', accept=['soft_target', 'none']),
    ]),
    'maskrcnnbenchmark__lr_scheduler.py': dict(license='MIT', negative=True, defs=[]),
    'lightningtutorials__baseline.py': dict(license='see the repository', negative=True, defs=[
        D('LitResnet.training_step', 'none', 'F.nll_loss on the module\'s log_softmax output: plain CE.',
          optional=TRAINING, accept=['none']),
    ]),
    'libfewshot__rfs_model.py': dict(license='MIT', negative=True, defs=[
        D('RFSModel.set_forward_loss', 'soft_target',
          'γ·CE(output, label) + α·DistillKLLoss(output, teacher output): hard-label CE plus distillation '
          '(α = 0 by default: plain CE).', modes={'alpha=0 (the default)': 'none'},
          optional='CE + distillation through losses built elsewhere: silence, soft_target or none',
          accept=['soft_target', 'none'], rd='needs the LibFewShot backbone and a teacher checkpoint.'),
        D('nn.CrossEntropyLoss', 'none', 'self.ce_loss_func = nn.CrossEntropyLoss().',
          find=r'self\.ce_loss_func = nn\.CrossEntropyLoss\(', rd=CALL),
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
