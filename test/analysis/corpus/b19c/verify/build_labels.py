#!/usr/bin/python3
"""Writes ../labels.json from the labels typed here: each line is found from the `class` / `def` (for
`Class.method`, the method's `def` inside its class) so it cannot drift; `verified` comes from results.json."""
import ast
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
RESULTS = json.load(open(os.path.join(HERE, 'results.json')))

FILES = {
    'tmcmetn__label_smoothing.py': ('MIT', 'positive', None, [
        ('LabelSmoothing', 'k_minus_2_padding', 'self.smoothing', None,
         'pred (B,S,V) log-probs viewed to (B*S,V); dist = eps/(V-2), gold 1-eps, pad column 0, pad rows index_fill 0; '
         'F.kl_div sum. (Quirk: the row fill runs only when the pad row indices sum > 0.)', {}),
    ]),
    'aster__sequenceCrossEntropyLoss.py': ('see the repository', 'negative', 'sequence CE with a length mask (gather of the gold log-prob)', [
        ('SequenceCrossEntropyLoss', 'none', None, None,
         'log_softmax then -gather(target) * length mask, summed, / batch_size: plain masked NLL.', {}),
    ]),
    'rechorus__DirectAU.py': ('see the repository', 'negative', 'recommendation: alignment + uniformity of normalised embeddings', [
        ('DirectAU.loss', 'none', None, None,
         'alignment (squared distance of normalised user/item pairs) + gamma * uniformity (log mean exp(-2 d^2)); no '
         'class targets at all. Reading only: embedding losses with no labels to compare.',
         {'optional': True, 'accept': ['none'], 'verified': 'reading'}),
    ]),
    'xtransformers__autoregressive_wrapper.py': ('MIT', 'negative', 'LM head: shifted targets, ignore_index, contrastive decoding mix of logits', [
        ('AutoregressiveWrapper', 'none', None, None,
         'forward: inp/target = x[:, :-1] / x[:, 1:]; F.cross_entropy(rearrange(logits, b n c -> b c n), target, '
         'ignore_index). contrastive_decode_fn mixes expert/amateur logits (1+beta, -beta) at generation only.', {}),
    ]),
    'foamliu_speechtransformer__loss.py': ('see the repository', 'positive', None, [
        ('cal_loss', 'other', 'smoothing', 'pred.size(1)',
         'smoothing > 0: one_hot * (1 - eps) + (1 - one_hot) * eps / n_class: gold 1-eps, others eps/K, so the target '
         'sums to 1 - eps/K (not uniform); IGNORE_ID rows masked, / n_word. smoothing=0 (default): F.cross_entropy.',
         {'modes': {'smoothing=0.0 (default)': 'none (F.cross_entropy with ignore_index)'}}),
        ('cal_performance', 'other', 'smoothing', None,
         'views (N,T,C) to (N*T,C) and returns cal_loss(pred, gold, smoothing) with the accuracy count.',
         {'optional': True, 'accept': ['other']}),
    ]),
    'pytorchocr__rec_nrtr_loss.py': ('see the repository', 'positive', None, [
        ('NRTRLoss', 'k_minus_1', None, 'pred.shape[1]',
         'smoothing (default True): eps = 0.1, one_hot * (1 - eps) + (1 - one_hot) * eps / (n_class - 1); rows where '
         'tgt == 0 (pad) dropped by masked_select, mean.', {}),
    ]),
    'pytorchocr__rec_ctc_loss.py': ('see the repository', 'negative', 'CTC with an optional focal weighting of the per-sample loss', [
        ('CTCLoss', 'none', None, None,
         'nn.CTCLoss(blank=0, reduction=none) on log_softmax, optionally weighted by (1 - exp(-loss))^2, mean.', {}),
    ]),
    'selfrec__loss_torch.py': ('see the repository', 'negative', 'recommendation: BPR, triplet, InfoNCE, KL / JS between views', [
        ('InfoNCE', 'none', None, None,
         'exp(cos/tau) of the diagonal over the row sum: CE with hard diagonal targets.',
         {'optional': True, 'accept': ['none']}),
        ('batch_softmax_loss', 'none', None, None,
         'the same in-batch softmax with hard diagonal targets. Reading only (same code as InfoNCE).',
         {'optional': True, 'accept': ['none'], 'verified': 'reading'}),
        ('kl_divergence', 'soft_target', None, None, 'KL(softmax(p) || softmax(q)) between two model outputs.',
         {'optional': True, 'accept': ['soft_target']}),
    ]),
    'graphormer__multiclass_cross_entropy.py': ('MIT', 'negative', 'graph classification: plain CE in a fairseq criterion', [
        ('GraphPredictionMulticlassCrossEntropy', 'none', None, None,
         'functional.cross_entropy(logits[:, 0, :], targets, reduction=sum). Reading only: needs a fairseq model.',
         {'verified': 'reading'}),
        ('GraphPredictionMulticlassCrossEntropyWithFlag', 'none', None, None,
         'the same with FLAG perturbation passed to the model. Reading only.', {'verified': 'reading'}),
    ]),
    'grace__model.py': ('see the repository', 'negative', 'graph contrastive learning (GRACE): InfoNCE with tau', [
        ('Model.semi_loss', 'none', None, None,
         '-log(exp(sim(z1_i, z2_i)/tau) / (sum of intra- and inter-view exp sims minus self)). Reading only.',
         {'optional': True, 'accept': ['none'], 'verified': 'reading'}),
    ]),
    'abinet__losses.py': ('see the repository', 'negative', 'OCR: CE against a distribution target (one-hot labels in ABINet)', [
        ('SoftCrossEntropyLoss', 'soft_target', None, None,
         '-(target * log_softmax(input)).sum(-1), mean: CE to whatever distribution is passed.', {}),
        ('MultiLosses', 'soft_target', None, None,
         'applies SoftCrossEntropyLoss to the flattened one-hot gt_labels (or nn.CrossEntropyLoss). Reading only: '
         'needs fastai and the ABINet output dicts.', {'optional': True, 'accept': ['soft_target', 'none'], 'verified': 'reading'}),
    ]),
    'pytorchtranslate__knowledge_distillation_loss.py': ('BSD-3-Clause', 'negative', 'word-level knowledge distillation (Kim & Rush)', [
        ('KnowledgeDistillationCriterion', 'soft_target', None, None,
         'kd_weight * CE to the teachers\' top-k probabilities (normalised over the whole batch) + (1 - kd_weight) * '
         'NLL with ignore_index=padding_idx.', {}),
    ]),
    'pytorchtranslate__dual_decoder_kd_loss.py': ('BSD-3-Clause', 'positive', None, [
        ('DualDecoderCriterion.compute_teacher_loss', 'uniform', 'self.eps', 'lprobs.size(-1)',
         'fairseq early form: (1 - eps) * nll + eps / V * sum(-lprobs) over non-pad rows.', {}),
        ('DualDecoderCriterion.compute_student_loss', 'soft_target', None, None,
         '(1 - kd_weight) * nll + kd_weight * CE to the (detached) teacher probabilities, non-pad rows.', {}),
    ]),
    'gru4rec__lossfunction.py': ('see the repository', 'negative', 'session recommendation: sampled softmax, BPR, TOP1, BPR-max', [
        ('SampledCrossEntropyLoss', 'none', None, None, 'CrossEntropyLoss(logit, arange(B)): in-batch hard targets.', {}),
        ('BPR_max', 'none', None, None,
         '-log mean(softmax(logit) * sigmoid(pos - neg)): softmax-weighted BPR. Reading only.',
         {'optional': True, 'accept': ['none'], 'verified': 'reading'}),
    ]),
    'allrank__listNet.py': ('Apache-2.0', 'negative', 'learning to rank: ListNet, padded slates masked', [
        ('listNet', 'soft_target', None, None,
         'CE between softmax(y_true) and softmax(y_pred) + eps, padded items set to -inf.', {}),
    ]),
    'apex__test_label_smoothing.py': ('BSD-3-Clause', 'positive', None, [
        ('label_smoothing_raw', 'uniform', 'smoothing', None,
         '(1 - eps) * nll + eps * mean(-logprobs) over rows target != padding_idx.', {}),
        ('label_smoothing_opt_1', 'uniform', 'smoothing', None,
         '(eps - 1) * ll - eps * mean(logprobs), pad rows masked_fill 0: the same uniform loss, signs folded.', {}),
    ]),
    'paragen__label_smoothed_ctc.py': ('Apache-2.0', 'positive', None, [
        ('LabelSmoothedCTC.compute_loss', 'other', 'self._epsilon', None,
         '(1 - eps) * CTC / ntokens + eps * sum over unpadded frames of mean(-lprobs) / ntokens (training only): a '
         'frame-level pull toward uniform mixed with CTC; CTC has no per-frame gold, so it is no smoothed target.', {}),
    ]),
    'paragen__focal_cross_entropy.py': ('Apache-2.0', 'negative', 'focal CE with a padding mask (docstring says "label smoothed")', [
        ('FocalCrossEntropy.compute_loss', 'none', None, None,
         '-(1 - p_gold)^gamma * log p_gold, pad masked, / ntokens: focal, hard targets.', {}),
    ]),
}

SOURCES = {}


def line_of(tree, symbol):
    parts = symbol.split('.')
    body = tree.body
    node = None
    for part in parts:
        node = next(n for n in body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == part)
        body = node.body
    return node.lineno


labels = {}
for fname, (lic, kind, category, defs) in FILES.items():
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    source = text.splitlines()[0].removeprefix('# source: ')
    tree = ast.parse(text)
    out = []
    for symbol, convention, eps, classes, why, extra in defs:
        key = f'{fname}:{symbol}'
        verified = extra.get('verified') or ('torch' if RESULTS.get(key, {}).get('pass') else 'reading')
        d = {'symbol': symbol, 'line': line_of(tree, symbol), 'convention': convention, 'epsilonParam': eps,
             'classesParam': classes, 'why': why, 'verified': verified}
        for k in ('modes', 'optional', 'accept'):
            if k in extra:
                d[k] = extra[k]
        if verified == 'torch':
            d['why'] += f" [torch: max|diff|={RESULTS[key]['max_abs_diff']:.1e}]"
        out.append(d)
    entry = {'source': source, 'license': lic, 'split': 'tune', 'kind': kind}
    if category:
        entry['category'] = category
    entry['definitions'] = out
    labels[fname] = entry

json.dump(labels, open(os.path.join(CORPUS, 'labels.json'), 'w'), indent=2, ensure_ascii=False)
print(len(labels), 'files,', sum(len(v['definitions']) for v in labels.values()), 'definitions')
