# rewrite-of: bases/from_sample_uniform_reduce.py via prep-rows-view, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float=0.1, reduction: str='mean', weight=None):
        super().__init__()
        self.n_out = epsilon
        self.pad = reduction
        self.beta = weight

    def _reduce(self, values):
        if self.pad == 'mean':
            return values.mean()
        if self.pad == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        logits = logits.view(-1, logits.size(-1))
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.pad, weight=self.beta)
        return (1 - self.n_out) * nll + self.n_out * spread
