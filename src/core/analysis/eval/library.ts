import { parser } from '@lezer/python';
import { buildModule, type Definition, findDefinition, type ModuleContext } from '../bind';

/**
 * Loss helpers of well-known libraries, known the way torch's own losses are: when a file imports one of these
 * names from a matching module and does not define it, the call runs the catalogue's definition. Each is our own
 * minimal Python with the library's signature and the maths it computes (checked against the libraries'
 * conventions in the corpus), not a copy of theirs.
 */
interface LibraryLoss {
  name: string;
  /** Other names the same definition is exported under. */
  aliases?: string[];
  /** The dotted import path (after alias resolution) it must come from; relative imports keep their dots. */
  from: RegExp;
  source: string;
}

/** fairseq's label_smoothed_nll_loss (criterions/label_smoothed_cross_entropy.py), also inside its criterion. */
const FAIRSEQ_NLL_LOSS = `
def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduce=True):
    nll = -lprobs.gather(dim=-1, index=target)
    smooth = -lprobs.sum(dim=-1, keepdim=True)
    eps_i = epsilon / (lprobs.size(-1) - 1)
    loss = ((1.0 - epsilon - eps_i) * nll + eps_i * smooth).sum()
    return loss, nll.sum()
`;

const HF_LABEL_SMOOTHER = `
class LabelSmoother:
    def __call__(self, model_output, labels, shift_labels=False):
        log_probs = -F.log_softmax(model_output["logits"], dim=-1)
        labels = labels.unsqueeze(-1)
        nll_loss = log_probs.gather(dim=-1, index=labels)
        smoothed_loss = log_probs.sum(dim=-1, keepdim=True)
        n = labels.numel()
        return (1 - self.epsilon) * nll_loss.sum() / n + self.epsilon * smoothed_loss.sum() / (n * log_probs.shape[-1])
`;

const KORNIA_FOCAL = `
def focal_loss(pred, target, alpha, gamma=2.0, reduction="none", eps=None, weight=None):
    log_p = F.log_softmax(pred, dim=1)
    t = F.one_hot(target, pred.shape[1]).to(pred.dtype)
    return -(((1.0 - log_p.exp()) ** gamma) * log_p * t).sum(1).mean()
`;

const CATALOGUE: LibraryLoss[] = [
  {
    // fairseq (criterions/label_smoothed_cross_entropy.py): ε/(K−1) on the other classes, summed.
    name: 'label_smoothed_nll_loss',
    from: /(^|\.)fairseq\.|(^|\.)label_smoothed_cross_entropy\.label_smoothed_nll_loss$/,
    source: FAIRSEQ_NLL_LOSS,
  },
  {
    // pytorch-toolbelt / segmentation_models_pytorch (losses/functional.py): ε/K over all classes.
    name: 'label_smoothed_nll_loss',
    from: /pytorch_toolbelt|segmentation_models_pytorch|(^|\.)_?functional\.label_smoothed_nll_loss$/,
    source: `
def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduction="mean", dim=-1):
    nll = -lprobs.gather(dim=dim, index=target.unsqueeze(dim))
    smooth = -lprobs.sum(dim=dim, keepdim=True)
    eps_i = epsilon / lprobs.size(dim)
    return ((1.0 - epsilon) * nll + eps_i * smooth).mean()
`,
  },
  {
    // YOLOv5 / ultralytics (utils/loss.py, utils/metrics.py): positive and negative BCE targets.
    name: 'smooth_BCE',
    aliases: ['smooth_bce'],
    from: /(^|\.)smooth_(BCE|bce)$/,
    source: `
def smooth_BCE(eps=0.1):
    return 1.0 - 0.5 * eps, 0.5 * eps
`,
  },
  {
    // timm (loss/cross_entropy.py)
    name: 'LabelSmoothingCrossEntropy',
    from: /(^|\.)timm\./,
    source: `
class LabelSmoothingCrossEntropy(nn.Module):
    def __init__(self, smoothing=0.1):
        self.smoothing = smoothing

    def forward(self, x, target):
        logprobs = F.log_softmax(x, dim=-1)
        nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth = -logprobs.mean(dim=-1)
        return ((1.0 - self.smoothing) * nll + self.smoothing * smooth).mean()
`,
  },
  {
    name: 'SoftTargetCrossEntropy',
    from: /(^|\.)timm\./,
    source: `
class SoftTargetCrossEntropy(nn.Module):
    def forward(self, x, target):
        return torch.sum(-target * F.log_softmax(x, dim=-1), dim=-1).mean()
`,
  },
  {
    // fastai (losses.py): ε·(−Σ log p)/c + (1 − ε)·NLL, uniform ε/K; the Flat version flattens input and target.
    name: 'LabelSmoothingCrossEntropy',
    aliases: ['LabelSmoothingCrossEntropyFlat'],
    from: /(^|\.)fastai\./,
    source: `
class LabelSmoothingCrossEntropy(nn.Module):
    def __init__(self, eps=0.1, weight=None, reduction='mean', axis=-1):
        self.eps = eps
        self.weight = weight
        self.reduction = reduction

    def forward(self, output, target):
        c = output.size()[-1]
        log_preds = F.log_softmax(output, dim=-1)
        loss = -log_preds.sum(dim=-1).mean()
        return loss * self.eps / c + (1 - self.eps) * F.nll_loss(log_preds, target, weight=self.weight, reduction=self.reduction)
`,
  },
  {
    // fastai (losses.py): nn.CrossEntropyLoss over flattened input and target; its keywords go to the torch loss.
    name: 'CrossEntropyLossFlat',
    from: /(^|\.)fastai\./,
    source: `
class CrossEntropyLossFlat(nn.Module):
    def __init__(self, *args, axis=-1, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
        self.func = nn.CrossEntropyLoss(weight=weight, ignore_index=ignore_index, reduction=reduction, label_smoothing=label_smoothing)

    def forward(self, output, target):
        return self.func(output, target)
`,
  },
  {
    // fairseq (criterions/label_smoothed_cross_entropy.py): the criterion class, for subclasses that inherit
    // forward / compute_loss; its loss is label_smoothed_nll_loss (ε/(K−1)).
    name: 'LabelSmoothedCrossEntropyCriterion',
    from: /(^|\.)fairseq\./,
    source: `${FAIRSEQ_NLL_LOSS}
class LabelSmoothedCrossEntropyCriterion(nn.Module):
    def __init__(self, task, sentence_avg, label_smoothing, ignore_prefix_size=0, report_accuracy=False):
        self.sentence_avg = sentence_avg
        self.eps = label_smoothing

    def forward(self, model, sample, reduce=True):
        net_output = model(**sample["net_input"])
        loss, nll_loss = self.compute_loss(model, net_output, sample, reduce=reduce)
        return loss, sample["ntokens"], {}

    def compute_loss(self, model, net_output, sample, reduce=True):
        lprobs = model.get_normalized_probs(net_output, log_probs=True)
        target = model.get_targets(sample, net_output)
        return label_smoothed_nll_loss(lprobs.view(-1, lprobs.size(-1)), target.view(-1, 1), self.eps, reduce=reduce)
`,
  },
  {
    // ESPnet / WeNet / FunASR (transformer/label_smoothing_loss.py): KL to ε/(K−1) fills, padding rows dropped.
    name: 'LabelSmoothingLoss',
    from: /(^|\.)(espnet2?|wenet|funasr)\./,
    source: `
class LabelSmoothingLoss(nn.Module):
    def __init__(self, size, padding_idx, smoothing, normalize_length=False):
        self.size = size
        self.padding_idx = padding_idx
        self.smoothing = smoothing

    def forward(self, x, target):
        x = x.view(-1, self.size)
        target = target.view(-1)
        true_dist = torch.full_like(x, self.smoothing / (self.size - 1))
        ignore = target == self.padding_idx
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        kl = F.kl_div(torch.log_softmax(x, dim=1), true_dist, reduction="none")
        return kl.masked_fill(ignore.unsqueeze(1), 0).sum() / x.size(0)
`,
  },
  {
    // OpenNMT-py (utils/loss.py): ε/(K−2) off the target and the padding class, KL summed.
    name: 'LabelSmoothingLoss',
    from: /(^|\.)onmt\./,
    source: `
class LabelSmoothingLoss(nn.Module):
    def __init__(self, label_smoothing, tgt_vocab_size, ignore_index=-100):
        self.ignore_index = ignore_index
        one_hot = torch.full((tgt_vocab_size,), label_smoothing / (tgt_vocab_size - 2))
        one_hot[self.ignore_index] = 0
        self.one_hot = one_hot.unsqueeze(0)
        self.confidence = 1.0 - label_smoothing

    def forward(self, output, target):
        model_prob = self.one_hot.repeat(target.size(0), 1)
        model_prob.scatter_(1, target.unsqueeze(1), self.confidence)
        model_prob.masked_fill_((target == self.ignore_index).unsqueeze(1), 0)
        return F.kl_div(output, model_prob, reduction="sum")
`,
  },
  {
    // AllenNLP (nn/util.py): ε/K on every class, 1 − ε + ε/K on the target, weighted per token.
    name: 'sequence_cross_entropy_with_logits',
    from: /(^|\.)allennlp\./,
    source: `
def sequence_cross_entropy_with_logits(logits, targets, weights, average="batch", label_smoothing=None, gamma=None, alpha=None):
    log_probs = F.log_softmax(logits.view(-1, logits.size(-1)), dim=-1)
    targets_flat = targets.view(-1, 1)
    if label_smoothing is not None and label_smoothing > 0.0:
        smoothed = torch.zeros_like(log_probs).scatter_(-1, targets_flat, 1.0 - label_smoothing) + label_smoothing / logits.size(-1)
        nll = -(log_probs * smoothed).sum(-1)
    else:
        nll = -log_probs.gather(dim=1, index=targets_flat).squeeze(1)
    return nll.mean()
`,
  },
  {
    // Hugging Face transformers (trainer_pt_utils.py): ε/K over all classes, padding ignored.
    name: 'LabelSmoother',
    from: /(^|\.)transformers\./,
    source: HF_LABEL_SMOOTHER,
  },
  {
    // transformers' Trainer: `self.label_smoother`, which subclasses' `compute_loss` call, is a LabelSmoother of
    // `args.label_smoothing_factor` (None when it is 0: the model's own loss).
    name: 'Trainer',
    aliases: ['Seq2SeqTrainer'],
    from: /(^|\.)transformers\./,
    source: `${HF_LABEL_SMOOTHER}
class Trainer:
    def __init__(self, model=None, args=None, **kwargs):
        self.args = args
        if self.args.label_smoothing_factor != 0:
            self.label_smoother = LabelSmoother(epsilon=self.args.label_smoothing_factor)
        else:
            self.label_smoother = None
`,
  },
  {
    // NeMo (collections/common/losses/smoothed_cross_entropy.py): ε·V/(V − 1) of the mean log-probability.
    name: 'SmoothedCrossEntropyLoss',
    from: /(^|\.)nemo\./,
    source: `
class SmoothedCrossEntropyLoss(nn.Module):
    def __init__(self, pad_id=None, label_smoothing=0.0, predict_last_k=0, eps=1e-6, per_token_reduction=True):
        self.label_smoothing = label_smoothing

    def forward(self, log_probs, labels, output_mask=None):
        vocab_size = log_probs.size(-1)
        smoothing = vocab_size * self.label_smoothing / (vocab_size - 1)
        target = log_probs.gather(-1, labels.unsqueeze(-1)).squeeze(-1)
        nll = (1.0 - smoothing) * target + smoothing * log_probs.mean(dim=-1)
        return -nll.mean()
`,
  },
  {
    // MMPretrain / MMClassification (models/losses/label_smooth_loss.py), default mode 'original': ε/K.
    name: 'LabelSmoothLoss',
    from: /(^|\.)(mmpretrain|mmcls)\./,
    source: `
class LabelSmoothLoss(nn.Module):
    def __init__(self, label_smooth_val, num_classes=None, use_sigmoid=None, mode="original", reduction="mean", loss_weight=1.0):
        self.label_smooth_val = label_smooth_val

    def forward(self, cls_score, label, weight=None, avg_factor=None, reduction_override=None):
        k = cls_score.size(-1)
        smoothed = F.one_hot(label, k).float() * (1 - self.label_smooth_val) + self.label_smooth_val / k
        return -(smoothed * F.log_softmax(cls_score, dim=-1)).sum(-1).mean()
`,
  },
  {
    // Megatron-LM / fairscale / apex / ColossalAI (tensor_parallel/cross_entropy.py): the cross-entropy of logits
    // sharded over the vocabulary, per token; Megatron's label_smoothing is ε·K/(K−1) of the mean: ε/(K−1).
    name: 'vocab_parallel_cross_entropy',
    from: /(^|\.)(megatron|fairscale|apex|colossalai)\.|(^|\.)cross_entropy\.vocab_parallel_cross_entropy$/,
    source: `
def vocab_parallel_cross_entropy(vocab_parallel_logits, target, label_smoothing=0.0):
    log_probs = F.log_softmax(vocab_parallel_logits, dim=-1)
    nll = -log_probs.gather(-1, target.unsqueeze(-1)).squeeze(-1)
    vocab_size = vocab_parallel_logits.size(-1)
    smoothing = label_smoothing * vocab_size / (vocab_size - 1)
    return (1.0 - smoothing) * nll - smoothing * log_probs.mean(dim=-1)
`,
  },
  {
    // flash-attention (ops/triton/cross_entropy.py): a Triton kernel computing lse − ε·Σz/K − (1 − ε)·z_y per row,
    // torch's label smoothing (ε/K); rows labelled ignored_index give 0.
    name: 'cross_entropy_loss',
    from: /(^|\.)flash_attn\.ops\.(triton\.)?cross_entropy\.cross_entropy_loss$/,
    source: `
def cross_entropy_loss(logits, labels, label_smoothing=0.0, logit_scale=1.0, lse_square_scale=0.0, ignored_index=-100, inplace_backward=False, process_group=None):
    return F.cross_entropy(logits, labels, ignore_index=ignored_index, label_smoothing=label_smoothing, reduction="none")
`,
  },
  {
    // flash-attention (losses/cross_entropy.py): the module around that kernel, mean over the rows not ignored.
    name: 'CrossEntropyLoss',
    from: /(^|\.)flash_attn\.losses\.cross_entropy\.CrossEntropyLoss$/,
    source: `
class CrossEntropyLoss(nn.Module):
    def __init__(self, ignore_index=-100, reduction="mean", label_smoothing=0.0, logit_scale=1.0, lse_square_scale=0.0, inplace_backward=False, process_group=None):
        self.ignore_index = ignore_index
        self.reduction = reduction
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return F.cross_entropy(input, target, ignore_index=self.ignore_index, label_smoothing=self.label_smoothing, reduction=self.reduction)
`,
  },
  {
    // Liger Kernel (transformers/cross_entropy.py): a Triton cross-entropy with torch's label smoothing (ε/K).
    name: 'LigerCrossEntropyLoss',
    from: /(^|\.)liger_kernel\./,
    source: `
class LigerCrossEntropyLoss(nn.Module):
    def __init__(self, weight=None, ignore_index=-100, lse_square_scale=0.0, label_smoothing=0.0, reduction="mean", softcap=None, return_z_loss=False):
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing
        self.reduction = reduction

    def forward(self, _input, target):
        return F.cross_entropy(_input, target, ignore_index=self.ignore_index, label_smoothing=self.label_smoothing, reduction=self.reduction)
`,
  },
  {
    // Liger Kernel (ops/fused_linear_cross_entropy.py): the projection to the vocabulary fused with that
    // cross-entropy; the autograd Function returns (loss, z_loss).
    name: 'LigerFusedLinearCrossEntropyFunction',
    from: /(^|\.)liger_kernel\./,
    source: `
class LigerFusedLinearCrossEntropyFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, _input, weight, target, bias=None, ce_weight=None, ignore_index=-100, lse_square_scale=0.0, label_smoothing=0.0, reduction="mean", softcap=None, return_z_loss=False):
        logits = _input @ weight.t()
        loss = F.cross_entropy(logits, target, ignore_index=ignore_index, label_smoothing=label_smoothing, reduction=reduction)
        return loss, None
`,
  },
  {
    // Liger Kernel (transformers/fused_linear_cross_entropy.py): the module around that Function.
    name: 'LigerFusedLinearCrossEntropyLoss',
    from: /(^|\.)liger_kernel\./,
    source: `
class LigerFusedLinearCrossEntropyLoss(nn.Module):
    def __init__(self, ce_weight=None, ignore_index=-100, lse_square_scale=0.0, label_smoothing=0.0, reduction="mean", softcap=None, return_z_loss=False):
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing
        self.reduction = reduction

    def forward(self, lin_weight, _input, target, bias=None):
        logits = _input @ lin_weight.t()
        return F.cross_entropy(logits, target, ignore_index=self.ignore_index, label_smoothing=self.label_smoothing, reduction=self.reduction)
`,
  },
  {
    // TorchShard (nn/functional): F.cross_entropy over logits sharded across ranks.
    name: 'parallel_cross_entropy',
    from: /(^|\.)torchshard\.nn\.functional\.parallel_cross_entropy$/,
    source: `
def parallel_cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean"):
    return F.cross_entropy(input, target, weight=weight, ignore_index=ignore_index, reduction=reduction)
`,
  },
  {
    // timm (loss/binary_cross_entropy.py): class indices become (1 − ε)·onehot + ε/K, then BCE with logits per class.
    name: 'BinaryCrossEntropy',
    from: /(^|\.)timm\./,
    source: `
class BinaryCrossEntropy(nn.Module):
    def __init__(self, smoothing=0.1, target_threshold=None, weight=None, reduction="mean", sum_classes=False, pos_weight=None):
        self.smoothing = smoothing

    def forward(self, x, target):
        batch_size = x.shape[0]
        num_classes = x.shape[-1]
        off_value = self.smoothing / num_classes
        on_value = 1.0 - self.smoothing + off_value
        target = torch.full((batch_size, num_classes), off_value).scatter_(1, target.long().view(-1, 1), on_value)
        return F.binary_cross_entropy_with_logits(x, target)
`,
  },
  {
    // MMDetection / MMSegmentation (models/losses/cross_entropy_loss.py): softmax (or sigmoid) cross-entropy on the
    // labels, weighted and averaged; no smoothing.
    name: 'CrossEntropyLoss',
    from: /(^|\.)(mmdet|mmseg)\./,
    source: `
class CrossEntropyLoss(nn.Module):
    def __init__(self, use_sigmoid=False, use_mask=False, reduction="mean", class_weight=None, ignore_index=None, loss_weight=1.0, avg_non_ignore=False):
        self.loss_weight = loss_weight

    def forward(self, cls_score, label, weight=None, avg_factor=None, reduction_override=None, ignore_index=None, **kwargs):
        return self.loss_weight * F.cross_entropy(cls_score, label)
`,
  },
  {
    // torchvision (ops/focal_loss.py): BCE-with-logits against the given targets, times α_t·(1 − p_t)^γ.
    name: 'sigmoid_focal_loss',
    from: /(^|\.)torchvision\.ops\./,
    source: `
def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2, reduction="none"):
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    return loss.mean()
`,
  },
  {
    // kornia (losses/focal.py): softmax focal loss on class indices, −(1 − p)^γ·log p at the true class.
    name: 'focal_loss',
    from: /(^|\.)kornia\./,
    source: KORNIA_FOCAL,
  },
  {
    name: 'FocalLoss',
    from: /(^|\.)kornia\./,
    source: `${KORNIA_FOCAL}
class FocalLoss(nn.Module):
    def __init__(self, alpha, gamma=2.0, reduction="none", eps=None, weight=None):
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, pred, target):
        return focal_loss(pred, target, self.alpha, self.gamma)
`,
  },
  {
    // segmentation_models_pytorch and pytorch-toolbelt (losses/soft_ce.py): label_smoothed_nll_loss over the class
    // axis dim, ε/K. smp's smooth_factor defaults to None, which its maths cannot take: read as 0 here, as in toolbelt.
    name: 'SoftCrossEntropyLoss',
    from: /(^|\.)(segmentation_models_pytorch|pytorch_toolbelt)\./,
    source: `
class SoftCrossEntropyLoss(nn.Module):
    def __init__(self, reduction="mean", smooth_factor=0.0, ignore_index=-100, dim=1):
        self.smooth_factor = smooth_factor
        self.dim = dim

    def forward(self, y_pred, y_true):
        log_prob = F.log_softmax(y_pred, dim=self.dim)
        nll = -log_prob.gather(dim=self.dim, index=y_true.unsqueeze(self.dim))
        smooth = -log_prob.sum(dim=self.dim, keepdim=True)
        eps_i = self.smooth_factor / log_prob.size(self.dim)
        return ((1.0 - self.smooth_factor) * nll + eps_i * smooth).mean()
`,
  },
  {
    // segmentation_models_pytorch / pytorch-toolbelt (losses/soft_bce.py): targets (1 − t)·s + t·(1 − s); with
    // smooth_factor None (the default) the targets as given, read here as s = 0.
    name: 'SoftBCEWithLogitsLoss',
    from: /(^|\.)(segmentation_models_pytorch|pytorch_toolbelt)\./,
    source: `
class SoftBCEWithLogitsLoss(nn.Module):
    def __init__(self, weight=None, ignore_index=-100, reduction="mean", smooth_factor=0.0, pos_weight=None):
        self.smooth_factor = smooth_factor

    def forward(self, y_pred, y_true):
        soft_targets = (1 - y_true) * self.smooth_factor + y_true * (1 - self.smooth_factor)
        return F.binary_cross_entropy_with_logits(y_pred, soft_targets)
`,
  },
  {
    // segmentation_models_pytorch (losses/focal.py): sigmoid focal loss on the given masks, no smoothing.
    name: 'FocalLoss',
    from: /(^|\.)segmentation_models_pytorch\./,
    source: `
class FocalLoss(nn.Module):
    def __init__(self, mode, alpha=None, gamma=2.0, ignore_index=None, reduction="mean", normalized=False, reduced_threshold=None):
        self.gamma = gamma

    def forward(self, y_pred, y_true):
        logpt = F.binary_cross_entropy_with_logits(y_pred, y_true.type_as(y_pred), reduction="none")
        pt = torch.exp(-logpt)
        return ((1.0 - pt).pow(self.gamma) * logpt).mean()
`,
  },
  {
    // nnU-Net (nnunetv2/training/loss/robust_ce_loss.py, v1 training/loss_functions/crossentropy.py): an
    // nn.CrossEntropyLoss taking label maps with a channel axis of 1 (b, 1, x, y[, z]).
    name: 'RobustCrossEntropyLoss',
    from: /(^|\.)nnunet(v2)?\./,
    source: `
class RobustCrossEntropyLoss(nn.Module):
    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean", label_smoothing=0.0):
        self.ce = nn.CrossEntropyLoss(reduction=reduction, label_smoothing=label_smoothing)

    def forward(self, input, target):
        return self.ce(input, target[:, 0].long())
`,
  },
  {
    // nnU-Net (robust_ce_loss.py, v1 TopK_loss.py): the mean cross-entropy of the k% hardest voxels.
    name: 'TopKLoss',
    from: /(^|\.)nnunet(v2)?\./,
    source: `
class TopKLoss(nn.Module):
    def __init__(self, weight=None, ignore_index=-100, k=10, label_smoothing=0.0):
        self.k = k
        self.ce = nn.CrossEntropyLoss(reduction="none", label_smoothing=label_smoothing)

    def forward(self, inp, target):
        res = self.ce(inp, target[:, 0].long())
        res, _ = torch.topk(res.view((-1,)), int(res.numel() * self.k / 100), sorted=False)
        return res.mean()
`,
  },
  {
    // torch's CTC loss (nn.CTCLoss, F.ctc_loss): −log of the probability of the label sequence summed over its
    // alignments to the frames of log_probs (T, N, C). Its targets are the hard labels: the frame log-probabilities
    // at the labels stand for the alignment sum (no smoothing of its own; a CE it is not, so no torch CE is its
    // equivalent: the sum over alignments is an operation the analysis does not follow).
    name: 'CTCLoss',
    aliases: ['ctc_loss'],
    from: /^torch\.nn\.(functional\.ctc_loss|CTCLoss|modules\.loss\.CTCLoss)$/,
    source: `
class CTCLoss(nn.Module):
    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        self.blank = blank

    def forward(self, log_probs, targets, input_lengths, target_lengths):
        frames = log_probs.gather(2, targets.unsqueeze(2))
        return -(frames * alignment_weights(input_lengths, target_lengths)).sum()

def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    return CTCLoss(blank, reduction, zero_infinity)(log_probs, targets, input_lengths, target_lengths)
`,
  },
  {
    // pytorch-metric-learning (losses/large_margin_softmax_loss.py and its ArcFace, CosFace, SphereFace, normalized
    // softmax subclasses): cross-entropy of margin logits on the hard labels, each subclass its own margin.
    name: 'LargeMarginSoftmaxLoss',
    aliases: [
      'ArcFaceLoss',
      'CosFaceLoss',
      'SphereFaceLoss',
      'NormalizedSoftmaxLoss',
      'SubCenterArcFaceLoss',
    ],
    from: /(^|\.)pytorch_metric_learning\.|(^|\.)large_margin_softmax_loss\.LargeMarginSoftmaxLoss$/,
    source: `
class LargeMarginSoftmaxLoss(nn.Module):
    def __init__(self, num_classes, embedding_size, margin=4, scale=1, **kwargs):
        self.num_classes = num_classes
        self.cross_entropy = torch.nn.CrossEntropyLoss(reduction="none")

    def forward(self, embeddings, labels, indices_tuple=None, ref_emb=None, ref_labels=None):
        logits = self.scale_logits(self.get_cosine(embeddings), embeddings)
        return self.cross_entropy(logits, labels).mean()
`,
  },
];

/**
 * A library's training configuration whose keyword turns its label smoothing on without loss code in the file
 * (`TrainingArguments(label_smoothing_factor=0.1)`): the trainer classes that apply it, through which attribute,
 * and the torch loss it then computes.
 */
export interface TrainingSetting {
  names: readonly string[];
  from: RegExp;
  /** The keyword holding ε; absent, it defaults to 0 (no smoothing). */
  keyword: string;
  /** What a setting other than 0 does, for the message. */
  appliedBy: string;
  /** Trainer classes whose `override` method, when a subclass redefines it without reading `reads`, drops ε. */
  trainers: readonly string[];
  override: string;
  reads: string;
  /** The label ignored (padding), as torch's `ignore_index`. */
  ignoreIndex: number;
}

export const TRAINING_SETTINGS: readonly TrainingSetting[] = [
  {
    // transformers (training_args.py, trainer.py): a factor other than 0 makes the Trainer's `compute_loss` use
    // `LabelSmoother(epsilon=factor)` instead of the model's loss: ε/K over the logits' last axis, labels -100
    // left out, mean over the other tokens (scripts/corpus/verify_hf_label_smoother.py checks it in torch).
    names: ['TrainingArguments', 'Seq2SeqTrainingArguments'],
    from: /(^|\.)transformers\./,
    keyword: 'label_smoothing_factor',
    appliedBy: "makes the transformers Trainer train with its LabelSmoother instead of the model's own loss",
    trainers: ['Trainer', 'Seq2SeqTrainer'],
    override: 'compute_loss',
    reads: 'label_smoother',
    ignoreIndex: -100,
  },
];

/** The training configuration an imported name (resolved to `qualified`) constructs, if the catalogue knows it. */
export function trainingSetting(qualified: string): TrainingSetting | null {
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  return TRAINING_SETTINGS.find((s) => s.names.includes(name) && s.from.test(qualified)) ?? null;
}

const PRELUDE = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

let parsed: Map<LibraryLoss, { mod: ModuleContext; def: Definition }> | null = null;

/**
 * The catalogue parsed once: it is constant, so this is a table, not a cache of anything that changes. It is kept
 * only once whole: a first use deep in the analysis of deeply nested code may run out of stack part way.
 */
function catalogue(): Map<LibraryLoss, { mod: ModuleContext; def: Definition }> {
  if (parsed) return parsed;
  const table = new Map<LibraryLoss, { mod: ModuleContext; def: Definition }>();
  for (const entry of CATALOGUE) {
    const text = PRELUDE + entry.source;
    const mod = buildModule(parser.parse(text), text);
    const def = findDefinition(mod, entry.name, text.length);
    if (def) table.set(entry, { mod, def });
  }
  parsed = table;
  return parsed;
}

/** The catalogue definition a call to an imported `name` (resolved to `qualified`) stands for, if any. */
export function libraryDefinition(qualified: string): { mod: ModuleContext; def: Definition } | null {
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  for (const [entry, found] of catalogue()) {
    if (!entry.from.test(qualified)) continue;
    if (entry.name === name) return found;
    // An alias defined in the entry's source is that definition (`ctc_loss`, the function, not `CTCLoss`).
    if (entry.aliases?.includes(name))
      return { mod: found.mod, def: findDefinition(found.mod, name, found.mod.text.length) ?? found.def };
  }
  return null;
}
