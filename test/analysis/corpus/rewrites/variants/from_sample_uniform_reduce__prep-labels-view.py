# rewrite-of: bases/from_sample_uniform_reduce.py via prep-labels-view
import torch
import torch.nn as nn
import torch.nn.functional as F

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

    def forward(self, logits, target):
        target = target.view(-1)
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * nll + self.epsilon * spread
