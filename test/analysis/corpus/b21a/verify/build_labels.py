#!/usr/bin/python3
"""Writes ../labels.json from the hand-written labels below (set b21a: self-/semi-supervised, metric learning,
distillation, noisy labels, face recognition, re-id).

Lines are not typed by hand: a definition's line is found from its `class`/`def` (for `Class.method`, the method's
`def` inside that class; for a torch constructor call, the first line matching `find`), so they cannot drift. A label
is "torch" only when verify_b21a.py has a passing check for that file::symbol in results.json; otherwise it stays
"reading" with the reason in `rd`. Labelled before the analysis was run on these files.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

HEAD = 'a margin head that returns logits (no loss in it): silence is right, and if Loss Lens speaks it must say none'
OUTSIDE = 'a loss outside the cross-entropy-with-target family (regression, ranking, normalised / bounded losses): silence or none'
SOFT = 'a distribution target from a model (teacher, EMA, own prediction): not smoothing of class labels: silence or soft_target'
STEP = 'a training step that mixes a CE on mixed soft targets with an MSE: silence or soft_target'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, rd=None, find=None):
    return dict(rd=rd, symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, find=find)


def reid_ls(cuda_note):
    return D('CrossEntropyLabelSmooth', 'uniform',
             f'scatter one-hot, (1 − ε)·t + ε/K, (−t·log_softmax).mean(0).sum() (the re-id CrossEntropyLabelSmooth){cuda_note}.',
             eps='epsilon', classes='num_classes')


FILES = {
    # ------------------------------------------------------------------ positives
    'dassl__cross_entropy.py': dict(license='MIT (LICENSE file present, not re-read)', defs=[
        D('cross_entropy', 'uniform',
          'one-hot by scatter_, (1 − ε)·t + ε/K with K = input.shape[1], Σ −t·log_softmax per row, mean / sum / none.',
          eps='label_smooth', classes='input.shape[1]', modes={'label_smooth=0 (default)': 'none (plain CE)'}),
    ]),
    'reidsurvey__triplet_loss.py': dict(license='MIT', defs=[
        reid_ls(' (one-hot built on the CPU, .cuda() when use_gpu)'),
        D('TripletLoss', 'none', 'batch-hard triplet: hardest positive / negative distances, MarginRankingLoss or '
          'SoftMarginLoss: metric learning, no class targets.', optional=OUTSIDE, accept=['none']),
        D('WeightedRegularizedTriplet', 'none', 'softmax-weighted positive / negative distances, SoftMarginLoss on '
          'their difference: metric learning.', optional=OUTSIDE, accept=['none'],
          rd='a self-consistent rewrite would only restate the code.'),
    ]),
    'udasb__crossentropy.py': dict(license='unknown (LICENSE not checked)', defs=[
        reid_ls(' (tab-indented copy)'),
        D('SoftEntropy', 'soft_target', 'Σ −softmax(targets).detach()·log_softmax(inputs), mean over the batch: the '
          'mutual-mean-teaching soft CE against another model\'s logits.'),
    ]),
    'lightreid__label_smooth_cross_entropy_loss.py': dict(license='unknown (LICENSE not checked)', defs=[
        reid_ls(' (one-hot built on the CPU and moved back to the labels\' device)'),
    ]),
    # ------------------------------------------------------------------ negatives
    'adaface__head.py': dict(license='unknown (no LICENSE file seen)', category='face-margin-head', defs=[
        D('AdaFace', 'none', 'norm-adaptive angular and additive margins on the target logit (scatter one-hot times '
          'g_angular / g_add), EMA batch statistics of feature norms, scale s: logits, not targets.',
          optional=HEAD, accept=['none']),
    ]),
    'curricularface__metrics.py': dict(license='unknown (LICENSE not checked)', category='face-margin-head', defs=[
        D('ArcFace', 'none', 'cos(θ + m) scattered into the target column, s·cos elsewhere: margin logits.',
          optional=HEAD, accept=['none']),
        D('CurricularFace', 'none', 'target column cos(θ + m); hard negatives (cos > cos(θ_y + m)) become '
          'cos·(t + cos) with an EMA t of the mean target logit: curriculum margin logits.', optional=HEAD,
          accept=['none'], rd='the EMA t makes the value depend on history; read only.'),
    ]),
    'facexzoo__MV_Softmax.py': dict(license='Apache-2.0 (LICENSE file present, not re-read)', category='face-margin-head', defs=[
        D('MV_Softmax', 'none', 'AM / arc margin on the target column, mis-classified columns re-weighted to '
          'w·cos + w − 1: logits, not targets.', optional=HEAD, accept=['none'], rd='a head: read only.'),
    ]),
    'magface__magface.py': dict(license='MIT', category='face-margin-loss', defs=[
        D('MagLoss', 'none', 'F.cross_entropy on one_hot·cos_θm + (1 − one_hot)·cos_θ (margin logits picked by a '
          'one-hot) with the hard labels, plus a feature-norm regulariser g.'),
        D('MagLinear', 'none', 'magnitude-aware margin head: returns [s·cos, s·cos(θ + m(‖x‖))].', optional=HEAD,
          accept=['none'], rd='a head: read only.'),
    ]),
    'opensphere__sphereface2.py': dict(license='MIT', category='face-binary-margin', defs=[
        D('SphereFace2', 'none', 'binary_cross_entropy_with_logits against the exact one-hot (0 / 1 targets) with '
          'weights λ·one_hot + (1 − λ)·(1 − one_hot): class-balance weights, not smoothed targets.'),
    ]),
    'tface__dist_softmax.py': dict(license='unknown (LICENSE not checked)', category='face-distributed-ce', defs=[
        D('DistCrossEntropy', 'none', 'model-parallel softmax CE: all-reduced max and exp-sum, −mean log_softmax at '
          'the label; the hand-written backward subtracts a one-hot label mask.'),
        D('DistCrossEntropyFunc', 'none', 'the autograd Function behind DistCrossEntropy.', optional=HEAD.replace(
          'a margin head that returns logits (no loss in it)', 'the autograd Function a loss module wraps'),
          accept=['none'], rd='checked through DistCrossEntropy.'),
    ]),
    'lnlsr__losses.py': dict(license='unknown (LICENSE not checked)', category='noisy-label-robust-losses', defs=[
        D('SCELoss', 'none', 'α·CE(hard labels) + β·RCE, RCE = −Σ p·log clamp(one_hot, 1e-4, 1): the clamped one-hot '
          'sits inside the log as the "prediction" of reverse CE, not as a smoothed target.'),
        D('RCELoss', 'none', 'reverse CE −Σ p·log clamp(one_hot, 1e-4, 1) = −log(1e-4)·(1 − p_y).', optional=OUTSIDE,
          accept=['none']),
        D('NRCELoss', 'none', 'RCE times (K − 1)/4.', optional=OUTSIDE, accept=['none']),
        D('NCELoss', 'none', 'normalised CE: −log p_y / −Σ_k log p_k on hard labels.'),
        D('MAELoss', 'none', 'scale·(1 − p_y).', optional=OUTSIDE, accept=['none']),
        D('NMAE', 'none', 'scale·(1 − p_y)/(K − 1).', optional=OUTSIDE, accept=['none']),
        D('GCELoss', 'none', 'generalised CE (1 − p_y^q)/q.', optional=OUTSIDE, accept=['none']),
        D('NGCELoss', 'none', 'normalised GCE (1 − p_y^q)/(K − Σ p_k^q).', optional=OUTSIDE, accept=['none']),
        D('NCEandRCE', 'none', 'NCE + RCE (active-passive loss).', optional=OUTSIDE, accept=['none']),
        D('NCEandMAE', 'none', 'NCE + MAE.', optional=OUTSIDE, accept=['none']),
        D('NLNL', 'none', 'negative learning: NLL of log(1 − p) at random complementary labels (y + U{1..K−1}) mod K, '
          'class-frequency weights; the positive CE term is switched off by labels·0 − 100.', optional=OUTSIDE,
          accept=['none'], rd='random complementary labels, .cuda() and a data loader; read only.'),
        D('FocalLoss', 'none', 'focal loss −(1 − p_y)^γ·log p_y with optional α weights, hard labels.'),
        D('NormalizedFocalLoss', 'none', 'focal loss divided by Σ_k −(1 − p_k)^γ·log p_k.'),
        D('NFLandRCE', 'none', 'NFL + RCE.', optional=OUTSIDE, accept=['none']),
        D('NFLandMAE', 'none', 'NFL + MAE.', optional=OUTSIDE, accept=['none']),
    ]),
    'ctkd__KD.py': dict(license='unknown (LICENSE not checked)', category='distillation', defs=[
        D('DistillKL', 'soft_target', 'KLDivLoss(batchmean)(log_softmax(y_s/T), softmax(y_t/T))·T²: the student '
          'matches the teacher\'s tempered distribution (T is a learnable / curriculum temperature tensor).'),
    ]),
    'distkd__dist_kd.py': dict(license='unknown (LICENSE not checked)', category='distillation', defs=[
        D('DIST', 'soft_target', 'β·(1 − mean Pearson over rows) + γ·(1 − mean Pearson over columns) of student vs '
          'teacher softmax (or sigmoid): relation distillation.', optional=SOFT, accept=['soft_target', 'none']),
    ]),
    'vanillakd__dkd.py': dict(license='unknown (LICENSE not checked)', category='distillation', defs=[
        D('dkd_loss', 'soft_target', 'decoupled KD: α·KL over (target, rest) binary teacher/student probabilities + '
          'β·KL over the non-target classes (logits − 1000·gt_mask), times T².', optional=SOFT,
          accept=['soft_target', 'none'], rd='checked through DKD.'),
        D('DKD', 'soft_target', 'calls dkd_loss; 2-D (mixup / smoothed) targets are turned back into indices by argmax.',
          optional=SOFT, accept=['soft_target', 'none']),
    ]),
    'vanillakd__bkd.py': dict(license='unknown (LICENSE not checked)', category='distillation', defs=[
        D('BinaryKLDiv', 'soft_target', 'binary_cross_entropy_with_logits(z_s, softmax(z_t)): BCE against the '
          'teacher\'s class distribution.', optional=SOFT, accept=['soft_target', 'none']),
    ]),
    'lightreid__self_distill_loss.py': dict(license='unknown (LICENSE not checked)', category='distillation', defs=[
        D('ProbSelfDistillLoss', 'soft_target', 'symmetric KL (with 1e-8 guards) between the detached first '
          '(teacher) logits and every other head.', optional=SOFT, accept=['soft_target', 'none']),
        D('SIMSelfDistillLoss', 'none', 'MSE between row-normalised student and teacher similarity matrices.',
          optional=OUTSIDE, accept=['none'], rd='MSE of Gram matrices; read only.'),
    ]),
    'dassl__mixmatch.py': dict(license='MIT (LICENSE file present, not re-read)', category='semi-supervised', defs=[
        D('MixMatch.forward_backward', 'soft_target', 'labels: one-hot (labelled) and temperature-sharpened mean '
          'predictions (unlabelled), mixed up with shuffled partners; loss_x = Σ −label·log(softmax + 1e-5), '
          'loss_u = MSE to the mixed targets.', optional=STEP, accept=['soft_target'],
          rd='needs dassl (trainer, sharpen_prob, mixup); read only.'),
    ]),
    'udapytorch__main.py': dict(license='Apache-2.0 (stated in the file header)', category='semi-supervised', defs=[
        D('nn.CrossEntropyLoss', 'none', 'nn.CrossEntropyLoss(reduction="none") on the labelled part, then the '
          'training-signal-annealing mask drops confident examples: hard labels.',
          find=r"sup_criterion = nn\.CrossEntropyLoss", rd='a constructor call: torch\'s class with the arguments shown.'),
        D('nn.KLDivLoss', 'soft_target', 'nn.KLDivLoss(reduction="none") between the augmented view\'s tempered '
          'log-probabilities and the original view\'s probabilities, confidence-masked: consistency training.',
          find=r"unsup_criterion = nn\.KLDivLoss", optional=SOFT, accept=['soft_target', 'none'],
          rd='a constructor call: torch\'s class with the arguments shown.'),
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


def corpus_files():
    return sorted(n for n in os.listdir(CORPUS) if n.endswith('.py'))


def definition(fname, lines, d):
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
    why = d['why']
    if verified == 'torch':
        why += f" [torch ({d['symbol']}): {res['detail']}]"
    else:
        why += ' Reading only: ' + (d['rd'] or 'no check written.')
    o['why'] = why
    o['verified'] = verified
    if d['optional']:
        o['optional'] = True
        o['accept'] = d['accept']
        o['optionalWhy'] = d['optional']
    return o


def main():
    out = {}
    on_disk = corpus_files()
    assert sorted(FILES) == on_disk, set(FILES) ^ set(on_disk)
    for fname in on_disk:
        spec = FILES[fname]
        lines = open(os.path.join(CORPUS, fname), encoding='utf-8').read().splitlines()
        entry = {'source': first_line_source(os.path.join(CORPUS, fname)), 'license': spec['license'],
                 'split': 'tune', 'kind': 'negative' if 'category' in spec else 'positive'}
        if 'category' in spec:
            entry['category'] = spec['category']
        entry['definitions'] = [definition(fname, lines, d) for d in spec['defs']]
        out[fname] = entry
    with open(os.path.join(CORPUS, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    n = sum(len(e['definitions']) for e in out.values())
    torch_n = sum(d['verified'] == 'torch' for e in out.values() for d in e['definitions'])
    neg = sum(e['kind'] == 'negative' for e in out.values())
    print(f'{len(out)} files ({neg} negative), {n} definitions, {torch_n} verified in torch')


if __name__ == '__main__':
    main()
