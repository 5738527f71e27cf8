# rewrite-of: bases/from_sample_smooth_ce_k1.py via eps-default-none-default, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, w_=None, val='mean', lam=None):
        if lam is None:
            lam = 0.0
        super().__init__(weight=w_, reduction=val)
        self.smoothing = lam

    @staticmethod
    def smooth_one_hot(a0: torch.Tensor, scores: int, amount=0.0):
        with torch.no_grad():
            return torch.empty(size=(a0.size(0), scores), device=a0.device).fill_(amount / (scores - 1)).scatter_(1, a0.data.unsqueeze(1), 1.0 - amount)

    def forward(self, ref, u):
        u = SmoothCrossEntropy.smooth_one_hot(u, ref.size(-1), self.smoothing)
        buf = F.log_softmax(ref, -1)
        term_a = -(u * buf).sum(-1)
        if self.reduction == 'sum':
            return term_a.sum()
        if self.reduction == 'mean':
            return term_a.mean()
        return term_a
