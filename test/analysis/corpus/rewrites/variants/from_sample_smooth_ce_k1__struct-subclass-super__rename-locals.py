# rewrite-of: bases/from_sample_smooth_ce_k1.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class _SmoothCrossEntropyBase(_WeightedLoss):

    def __init__(dist, z=None, y_true='mean', rho=0.0):
        super().__init__(weight=z, reduction=y_true)
        dist.smoothing = rho

    @staticmethod
    def smooth_one_hot(size_: torch.Tensor, logq: int, tau=0.0):
        with torch.no_grad():
            return torch.empty(size=(size_.size(0), logq), device=size_.device).fill_(tau / (logq - 1)).scatter_(1, size_.data.unsqueeze(1), 1.0 - tau)

    def forward(vec, w_, labels):
        labels = _SmoothCrossEntropyBase.smooth_one_hot(labels, w_.size(-1), vec.smoothing)
        emb = F.log_softmax(w_, -1)
        outputs = -(labels * emb).sum(-1)
        if vec.reduction == 'sum':
            return outputs.sum()
        if vec.reduction == 'mean':
            return outputs.mean()
        return outputs

class SmoothCrossEntropy(_SmoothCrossEntropyBase):

    def forward(self, lp, acc):
        return super().forward(lp, acc)
