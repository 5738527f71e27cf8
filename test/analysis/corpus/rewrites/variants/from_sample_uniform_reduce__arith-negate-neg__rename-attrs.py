# rewrite-of: bases/from_sample_uniform_reduce.py via arith-negate-neg, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float=0.1, reduction: str='mean', weight=None):
        super().__init__()
        self.lossfn = epsilon
        self.wt = reduction
        self.pad = weight

    def _reduce(self, values):
        if self.wt == 'mean':
            return values.mean()
        if self.wt == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(log_probs.sum(dim=-1).neg()) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.wt, weight=self.pad)
        return (1 - self.lossfn) * nll + self.lossfn * spread
