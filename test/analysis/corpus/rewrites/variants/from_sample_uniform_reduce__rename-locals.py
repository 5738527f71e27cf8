# rewrite-of: bases/from_sample_uniform_reduce.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, lam: float=0.1, w_: str='mean', inp=None):
        super().__init__()
        self.epsilon = lam
        self.reduction = w_
        self.weight = inp

    def _reduce(self, ref):
        if self.reduction == 'mean':
            return ref.mean()
        if self.reduction == 'sum':
            return ref.sum()
        return ref

    def forward(self, part, cnt):
        logq = part.size(-1)
        dist = F.log_softmax(part, dim=-1)
        d0 = self._reduce(-dist.sum(dim=-1)) / logq
        depth = F.nll_loss(dist, cnt, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * depth + self.epsilon * d0
