# rewrite-of: bases/from_sample_uniform_reduce.py via control-label-cast, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, delta: float=0.1, depth: str='mean', lp=None):
        super().__init__()
        self.epsilon = delta
        self.reduction = depth
        self.weight = lp

    def _reduce(self, nxt):
        if self.reduction == 'mean':
            return nxt.mean()
        if self.reduction == 'sum':
            return nxt.sum()
        return nxt

    def forward(self, arr, scores):
        scores = scores.long()
        labels = arr.size(-1)
        cnt = F.log_softmax(arr, dim=-1)
        ref = self._reduce(-cnt.sum(dim=-1)) / labels
        part = F.nll_loss(cnt, scores, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * part + self.epsilon * ref
