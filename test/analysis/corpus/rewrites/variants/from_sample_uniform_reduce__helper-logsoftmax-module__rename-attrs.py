# rewrite-of: bases/from_sample_uniform_reduce.py via helper-logsoftmax-module, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

def normalize_logits(z):
    return F.log_softmax(z, dim=-1)

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float=0.1, reduction: str='mean', weight=None):
        super().__init__()
        self.p0 = epsilon
        self.pad = reduction
        self.mode_ = weight

    def _reduce(self, values):
        if self.pad == 'mean':
            return values.mean()
        if self.pad == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = normalize_logits(logits)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.pad, weight=self.mode_)
        return (1 - self.p0) * nll + self.p0 * spread
