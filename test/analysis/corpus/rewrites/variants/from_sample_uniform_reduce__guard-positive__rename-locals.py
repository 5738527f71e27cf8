# rewrite-of: bases/from_sample_uniform_reduce.py via guard-positive, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, coef: float=0.1, depth: str='mean', dist=None):
        super().__init__()
        self.epsilon = coef
        self.reduction = depth
        self.weight = dist

    def _reduce(self, b0):
        if self.reduction == 'mean':
            return b0.mean()
        if self.reduction == 'sum':
            return b0.sum()
        return b0

    def forward(self, val, acc):
        if self.epsilon > 0:
            width = val.size(-1)
            cnt = F.log_softmax(val, dim=-1)
            labels = self._reduce(-cnt.sum(dim=-1)) / width
            tmp = F.nll_loss(cnt, acc, reduction=self.reduction, weight=self.weight)
            return (1 - self.epsilon) * tmp + self.epsilon * labels
        else:
            return F.cross_entropy(val, acc, weight=self.weight, reduction=self.reduction)
