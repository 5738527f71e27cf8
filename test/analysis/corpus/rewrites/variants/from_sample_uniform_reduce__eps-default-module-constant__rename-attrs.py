# rewrite-of: bases/from_sample_uniform_reduce.py via eps-default-module-constant, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F
LABEL_SMOOTHING = 0.1

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float=LABEL_SMOOTHING, reduction: str='mean', weight=None):
        super().__init__()
        self.alpha = epsilon
        self.beta = reduction
        self.coef = weight

    def _reduce(self, values):
        if self.beta == 'mean':
            return values.mean()
        if self.beta == 'sum':
            return values.sum()
        return values

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.beta, weight=self.coef)
        return (1 - self.alpha) * nll + self.alpha * spread
