#!/usr/bin/python3
"""Writes ../labels.json from the hand-written labels below.

Lines are not typed by hand: a definition's line is found from its top-level `class`/`def` (for `Class.method`, the
method's `def` inside that class), so they cannot drift. A label is "torch" only when verify_fresh4.py has a passing
check for that file::symbol (or `verified_as`) in results.json; otherwise it stays "reading" with the reason in `rd`.
Every file here is held out: collected and labelled by someone who never ran the analysis.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json'), encoding='utf-8'))

NOT_CE = 'not a cross-entropy-family loss over class labels: Loss Lens may stay silent'
TRAIN_FN = 'a training function whose loss is built inline: Loss Lens may stay silent'
BUILDER = 'a target builder with no loss in it: Loss Lens may stay silent, but if it speaks it must say this'
VIA_DATA = ('the smoothing happens in the dataset of the sibling data_loader.py (an object, not an imported loss): '
            'Loss Lens may stay silent, but must not say "none"')
UNNORMALISED = ('the target does not sum to 1 (a slip in an intended uniform / binary rule): "other" is exact, the '
                'intended convention is accepted')
CDPO = 'conservative DPO: BCE on the one "chosen wins" event with target 1 − ε, i.e. binary with α = 2ε on an all-ones target'
NEEDS_MODEL = 'needs the full model (BERT / Q-network / YOLO targets) and its data pipeline to run.'


def D(symbol, convention, why, eps=None, classes=None, modes=None, optional=None, accept=None, verified_as=None,
      rd=None):
    return dict(rd=rd, symbol=symbol, convention=convention, why=why, eps=eps, classes=classes, modes=modes,
                optional=optional, accept=accept, verified_as=verified_as)


FILES = {
    # ------------------------------------------------------------------ uniform
    'imagenet21k__losses.py': dict(license='MIT', defs=[
        D('CrossEntropyLS', 'uniform',
          'scatter a one-hot, .mul_(1−ε).add_(ε/num_classes) with num_classes = inputs.size()[-1], then '
          '(−t·log_softmax).sum(-1).mean(). ε = 0.2 by default. Equals F.cross_entropy(label_smoothing=ε).', eps='eps'),
    ]),
    'imagenet21k__semantic_loss.py': dict(license='MIT', defs=[
        D('SemanticSoftmaxLoss', 'uniform',
          'Per hierarchy level: one-hot of the level target (−1 = no label, clamped to 0 and masked out), '
          '.mul_(1−ε).add_(ε/K_level) with ε = args.label_smooth (from the processor\'s config), soft CE, batch mean; '
          'levels summed with normalisation factors. Returns 0 when not training.', eps='args.label_smooth',
          modes={'eval()': 'returns 0 (no loss)'}),
    ]),
    'bagoftricks__LabelSmoothing.py': dict(license='NOASSERTION', defs=[
        D('LSR', 'uniform',
          '_smooth_label: one-hot with value 1−e (scatter_add_) plus e/length with length = x.size(1), then '
          'Σ −log_softmax·target over dim 1, mean/sum/none. e = 0.1 by default.', eps='e'),
    ]),
    'hystsimgcls__label_smoothing.py': dict(license='MIT', defs=[
        D('cross_entropy_loss', 'soft_target',
          'Σ −log_softmax(data)·target over dim 1 for a given target distribution (the helper the smoothing loss uses).'),
        D('LabelSmoothingLoss', 'uniform',
          'onehot·(1−ε) + ones·ε/n_classes, with ε = config.augmentation.label_smoothing.epsilon and '
          'n_classes = config.dataset.n_classes (both from a yacs config), then the module\'s soft CE.',
          eps='config.augmentation.label_smoothing.epsilon', classes='config.dataset.n_classes'),
    ]),
    'cluener__label_smoothing.py': dict(license='NOASSERTION', defs=[
        D('LabelSmoothingCrossEntropy', 'uniform',
          'ε·(−Σ log_softmax)/c + (1−ε)·F.nll_loss with c = output.size()[-1]: the mixture form of uniform smoothing '
          '(ε = 0.1). ignore_index only reaches the NLL part, so ignored rows still get the ε/c term.', eps='eps'),
    ]),
    'mttutorial__model.py': dict(license='MIT', defs=[
        D('LabelSmoothedCE', 'uniform',
          'pack_padded_sequence drops the pad positions, then one-hot·(1−ε) + ε/vocab (target_vector.size(1)) and '
          'Σ −t·log_softmax over the vocabulary, mean over real tokens. ε = 0.1. The file also holds the Transformer '
          '(attention, residuals) around it.', eps='eps'),
    ]),
    'gnmt__smoothing.py': dict(license='Apache-2.0', defs=[
        D('LabelSmoothing', 'uniform',
          'confidence·NLL + ε·mean(−log_softmax) over the vocabulary on the non-pad rows, summed. The pad column is '
          'not zeroed (only pad rows are dropped), so ε/K, not ε/(K−2).', eps='smoothing',
          modes={'smoothing=0.0 (default)': 'none'}),
    ]),
    # ------------------------------------------------------------------ k_minus_1
    'tunztransformer__utils.py': dict(license='MIT', defs=[
        D('get_loss', 'k_minus_1',
          'one_hot·confidence + (1−one_hot)·ε/(vocab_size−1), Σ −t·log_softmax, rows with ans == pad dropped, mean, minus '
          'the target\'s constant entropy ("normalizing", from tensor2tensor): KL to the K−1 target. ε and K are '
          'arguments (label_smoothing, vocab_size).', eps='label_smoothing', classes='vocab_size'),
    ]),
    # ------------------------------------------------------------------ binary / other
    'trl__dpo_trainer.py': dict(license='Apache-2.0', defs=[
        D('DPOTrainer.dpo_loss', 'binary',
          'loss_type "sigmoid" (the default): −logσ(β·logits)·(1−ε) − logσ(−β·logits)·ε = BCE-with-logits of β·logits '
          'against 1−ε (cDPO). ε = self.label_smoothing (DPOConfig, 0 by default).', eps='label_smoothing',
          modes={'label_smoothing=0.0 (default)': 'none', 'loss_type="robust"': 'other',
                 'loss_type="exo_pair"': 'other', 'loss_type="aot"/"aot_pair"': 'binary',
                 'loss_type="hinge"/"ipo"/"bco_pair"/"sppo_hard"/"nca_pair"': 'none'},
          optional=CDPO, accept=['binary', 'other']),
    ]),
    'eladutils/cross_entropy.py': dict(license='MIT', defs=[
        D('cross_entropy', 'other',
          'Long targets with smooth_eps > 0: −((1 − ε/K − ε)·log p_y + ε/K·Σ log p): weight 1−ε on the label and ε/K '
          'elsewhere (sums to 1 − ε/K, not 1); ignore_index rows zeroed. With smooth_dist: target.lerp_(dist, ε) '
          '(onehot from the sibling misc.py). smooth_eps=None by default: F.cross_entropy.', eps='smooth_eps',
          modes={'smooth_eps=None (default)': 'none', 'smooth_dist given': 'soft_target'},
          optional=UNNORMALISED, accept=['other', 'uniform']),
        D('CrossEntropyLoss', 'other', 'nn.CrossEntropyLoss subclass whose forward calls cross_entropy(...) above.',
          eps='smooth_eps', modes={'smooth_eps=None (default)': 'none'}, optional=UNNORMALISED,
          accept=['other', 'uniform'], verified_as='cross_entropy'),
        D('binary_cross_entropy', 'other',
          'smooth_eps > 0: target.add_(ε).div_(2), i.e. (t + ε)/2: 1 → (1+ε)/2, 0 → ε/2 (no single α gives both), then '
          'BCE (with logits if from_logits).', eps='smooth_eps', modes={'smooth_eps=None (default)': 'none'},
          optional=UNNORMALISED, accept=['other', 'binary']),
        D('BCELoss', 'other', 'nn.BCELoss subclass calling binary_cross_entropy(..., smooth_eps=self.smooth_eps).',
          eps='smooth_eps', modes={'smooth_eps=None (default)': 'none'}, optional=UNNORMALISED,
          accept=['other', 'binary'], verified_as='binary_cross_entropy'),
        D('BCEWithLogitsLoss', 'other', 'BCELoss with from_logits=True.', eps='smooth_eps',
          modes={'smooth_eps=None (default)': 'none'}, optional=UNNORMALISED, accept=['other', 'binary'],
          rd='the BCELoss parent is the verified path; only from_logits differs.'),
    ]),
    'eladutils/misc.py': dict(license='MIT', defs=[]),
    'compgcn/data_loader.py': dict(license='Apache-2.0', defs=[
        D('TrainDataset.__getitem__', 'other',
          'Multi-label link-prediction target: (1 − lbl_smooth)·y + 1/num_ent (1/N, not ε/N) when lbl_smooth != 0; '
          'main.py trains it with BCELoss.', eps='lbl_smooth', classes='num_ent',
          modes={'lbl_smooth=0.0': 'none'}, optional=BUILDER, accept=['other', 'binary']),
    ]),
    'compgcn/main.py': dict(license='Apache-2.0', defs=[
        D('main', 'other',
          'th.nn.BCELoss()(logits, label) with label from data_loader.TrainDataset: the (1 − ε)·y + 1/num_ent target.',
          eps='args.lbl_smooth', optional=VIA_DATA, accept=['other', 'binary'],
          rd='needs DGL and the knowledge-graph data; its target builder is verified in data_loader.py.'),
    ]),
    # ------------------------------------------------------------------ negatives: soft targets, focal, plain CE
    'hystsimgcls__mixup.py': dict(license='MIT', category='mixup', defs=[
        D('MixupLoss', 'soft_target',
          'lam·CE(pred, y1) + (1 − lam)·CE(pred, y2): the mixup target lam·y1 + (1 − lam)·y2.'),
    ]),
    'cluener__focal_loss.py': dict(license='NOASSERTION', category='focal', defs=[
        D('FocalLoss', 'none', '(1 − p)^γ·log_softmax fed to F.nll_loss on the hard label (weight, ignore_index): focal.'),
    ]),
    'deeplabv3plus__loss.py': dict(license='MIT', category='focal', defs=[
        D('FocalLoss', 'none', 'α·(1 − exp(−CE))^γ·CE with ignore_index=255, mean or sum: focal on hard labels.'),
    ]),
    'ssl4mis__losses.py': dict(license='MIT', category='semi-supervised', defs=[
        D('softmax_kl_loss', 'soft_target',
          'F.kl_div(log_softmax(student), softmax(teacher), reduction="mean"): mean-teacher consistency to a soft target.'),
        D('compute_kl_loss', 'soft_target', 'Symmetric KL between two predictions (R-Drop style), each as the other\'s soft target.'),
        D('FocalLoss', 'none', '−α_t·(1 − p_t)^γ·log p_t gathered at the hard label, (N,C,H,W) flattened: focal.'),
    ]),
    'logitnorm__loss_function.py': dict(license='NOASSERTION', category='logit-normalisation', defs=[
        D('LogitNormLoss', 'none', 'F.cross_entropy(x / (‖x‖ + 1e-7) / t, target): CE on normalised logits, hard labels.'),
    ]),
    'pytorch3dunet__losses.py': dict(license='MIT', category='segmentation-dice', defs=[
        D('WeightedCrossEntropyLoss', 'none',
          'F.cross_entropy with per-class weights Σ(1 − p)/Σp from the detached softmax, ignore_index: weighted hard CE.'),
        D('BCEDiceLoss', 'none', 'BCEWithLogitsLoss on the given targets + α·Dice.', optional=NOT_CE, accept=['none'],
          rd='BCE on the given targets plus a Dice term; no target transformation.'),
    ]),
    'distiller__knowledge_distillation.py': dict(license='Apache-2.0', category='distillation', defs=[
        D('KnowledgeDistillationPolicy.before_backward_pass', 'soft_target',
          'w_s·loss + w_d·T²·KL(softmax(teacher/T) ‖ softmax(student/T)) (batchmean): Hinton distillation.'),
    ]),
    'rainbow__agent.py': dict(license='MIT', category='rl-distributional', defs=[
        D('Agent.learn', 'soft_target',
          'Distributional RL: −Σ m·log p(s_t, a_t) with m the target network\'s projected return distribution '
          '(index_add_ onto the atoms): a soft target, no labels.', optional=NOT_CE, accept=['soft_target'],
          rd=NEEDS_MODEL),
    ]),
    'blip__blip_retrieval.py': dict(license='BSD-3-Clause', category='contrastive-distillation', defs=[
        D('BLIP_Retrieval.forward', 'soft_target',
          'Image-text contrastive loss with momentum distillation: target α·softmax(sim_m) + (1 − α)·sim_targets '
          '(same-id pairs normalised), −Σ target·log_softmax(sim); plus ITM F.cross_entropy on hard labels.',
          optional='similarity targets, not class labels; the momentum model\'s distribution is a teacher',
          accept=['soft_target', 'other'], rd=NEEDS_MODEL),
    ]),
    'simcse__models.py': dict(license='MIT', category='contrastive', defs=[
        D('cl_forward', 'none',
          'nn.CrossEntropyLoss()(cos_sim / temp (+ hard-negative weights), arange labels) plus an optional MLM CE: '
          'InfoNCE with hard labels.', optional=NOT_CE, accept=['none'], rd=NEEDS_MODEL),
    ]),
    'yolov3__loss.py': dict(license='GPL-3.0', category='detection', defs=[
        D('compute_loss', 'none',
          'BCEWithLogits on a one-hot class target (t[range(n), tcls] = 1), BCEWithLogits objectness against the '
          'detached IoU, 1 − CIoU box loss: no smoothing (the objectness target is an IoU, not a class distribution).',
          optional=TRAIN_FN, accept=['none', 'soft_target'], rd=NEEDS_MODEL),
    ]),
    'transunet/trainer.py': dict(license='Apache-2.0', category='segmentation-dice', defs=[
        D('trainer_synapse', 'none',
          '0.5·CrossEntropyLoss()(outputs, labels) + 0.5·DiceLoss (from the sibling utils.py, one-hot + softmax) '
          'in the training loop.', optional=TRAIN_FN, accept=['none'],
          rd='a training loop over the Synapse dataset.'),
    ]),
    'transunet/utils.py': dict(license='Apache-2.0', category='segmentation-dice', defs=[]),
    'hifigan__models.py': dict(license='MIT', category='gan-residual', defs=[]),
    'lightgcn__model.py': dict(license='NOASSERTION', category='recommendation-bpr', defs=[]),
    'sb3__ppo.py': dict(license='MIT', category='rl-ppo', defs=[]),
    'audioset__pytorch_utils.py': dict(license='MIT', category='mixup', defs=[]),
    'ast__dataloader.py': dict(license='BSD-3-Clause', category='mixup', defs=[]),
    'externalattention__SimAM.py': dict(license='MIT', category='attention', defs=[]),
    'insightface__model.py': dict(license='MIT', category='margin', defs=[]),
    'mmengine__averaged_model.py': dict(license='Apache-2.0', category='ema', defs=[]),
    'cirtorch__functional.py': dict(license='MIT', category='pooling-contrastive', defs=[]),
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


def corpus_files():
    out = []
    for root, _, names in os.walk(CORPUS):
        if os.path.basename(root) == 'verify':
            continue
        out += [os.path.relpath(os.path.join(root, n), CORPUS) for n in names if n.endswith('.py')]
    return sorted(out)


def main():
    out = {}
    on_disk = corpus_files()
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
            o = {'symbol': d['symbol'], 'line': locate(lines, d['symbol']), 'convention': d['convention'],
                 'epsilonParam': d['eps'], 'classesParam': d['classes']}
            if d['modes']:
                o['modes'] = d['modes']
            why = d['why']
            if verified == 'torch':
                why += f" [torch: {res['detail']}]"
            else:
                why += ' Reading only: ' + (d['rd'] or 'no check written.')
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
