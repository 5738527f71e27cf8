# rewrite-of: bases/from_sample_uniform_reduce.py via prep-classes-list, guard-not-none
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, classes, epsilon: Optional[float]=0.1, reduction: str='mean', weight=None):
        super().__init__()
        self.epsilon = epsilon
        self.reduction = reduction
        self.weight = weight
        self.classes = list(classes)

    def _reduce(self, values):
        if self.reduction == 'mean':
            return values.mean()
        if self.reduction == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        if self.epsilon is not None:
            n_classes = len(self.classes)
            log_probs = F.log_softmax(logits, dim=-1)
            spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
            nll = F.nll_loss(log_probs, target, reduction=self.reduction, weight=self.weight)
            return (1 - self.epsilon) * nll + self.epsilon * spread
        else:
            return F.cross_entropy(logits, target, weight=self.weight, reduction=self.reduction)
