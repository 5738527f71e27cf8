# rewrite-of: bases/from_sample_uniform_reduce.py via shape-ctor-num-classes, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, dist, gamma_: float=0.1, h: str='mean', emb=None):
        super().__init__()
        self.epsilon = gamma_
        self.reduction = h
        self.weight = emb
        self.num_classes = dist

    def _reduce(self, tgt):
        if self.reduction == 'mean':
            return tgt.mean()
        if self.reduction == 'sum':
            return tgt.sum()
        return tgt

    def forward(self, lp, mat):
        part = self.num_classes
        depth = F.log_softmax(lp, dim=-1)
        inp = self._reduce(-depth.sum(dim=-1)) / part
        nxt = F.nll_loss(depth, mat, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * nxt + self.epsilon * inp
