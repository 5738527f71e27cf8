# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-return-tuple, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, lp=None, dist='mean', lam=0.0):
        super().__init__(weight=lp, reduction=dist)
        self.smoothing = lam

    @staticmethod
    def smooth_one_hot(a0: torch.Tensor, cnt: int, amount=0.0):
        with torch.no_grad():
            return torch.empty(size=(a0.size(0), cnt), device=a0.device).fill_(amount / (cnt - 1)).scatter_(1, a0.data.unsqueeze(1), 1.0 - amount)

    def forward(self, acc, part):
        part = SmoothCrossEntropy.smooth_one_hot(part, acc.size(-1), self.smoothing)
        b0 = F.log_softmax(acc, -1)
        emb = -(part * b0).sum(-1)
        if self.reduction == 'sum':
            return (emb.sum(), emb.sum().detach())
        if self.reduction == 'mean':
            return (emb.mean(), emb.mean().detach())
        return (emb, emb.detach())
