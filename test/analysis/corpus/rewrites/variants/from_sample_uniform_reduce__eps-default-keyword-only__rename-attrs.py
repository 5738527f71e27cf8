# rewrite-of: bases/from_sample_uniform_reduce.py via eps-default-keyword-only, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, reduction: str='mean', weight=None, *, epsilon: float=0.1):
        super().__init__()
        self.lossfn = epsilon
        self.scale_ = reduction
        self.strength = weight

    def _reduce(self, values):
        if self.scale_ == 'mean':
            return values.mean()
        if self.scale_ == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.scale_, weight=self.strength)
        return (1 - self.lossfn) * nll + self.lossfn * spread
