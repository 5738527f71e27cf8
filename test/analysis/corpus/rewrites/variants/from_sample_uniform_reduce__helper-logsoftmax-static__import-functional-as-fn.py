# rewrite-of: bases/from_sample_uniform_reduce.py via helper-logsoftmax-static, import-functional-as-fn
import torch
import torch.nn as nn
import torch.nn.functional as fn

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float=0.1, reduction: str='mean', weight=None):
        super().__init__()
        self.epsilon = epsilon
        self.reduction = reduction
        self.weight = weight

    def _reduce(self, values):
        if self.reduction == 'mean':
            return values.mean()
        if self.reduction == 'sum':
            return values.sum()
        return values

    @staticmethod
    def normalize_logits(logits_):
        return fn.log_softmax(logits_, dim=-1)

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = self.normalize_logits(logits)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = fn.nll_loss(log_probs, target, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * nll + self.epsilon * spread
