# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-ternary, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, inp=None, part='mean', beta=0.0):
        super().__init__(weight=inp, reduction=part)
        self.smoothing = beta

    @staticmethod
    def smooth_one_hot(preds: torch.Tensor, tgt: int, coef=0.0):
        with torch.no_grad():
            return torch.empty(size=(preds.size(0), tgt), device=preds.device).fill_(coef / (tgt - 1)).scatter_(1, preds.data.unsqueeze(1), 1.0 - coef)

    def forward(self, dist, c0):
        c0 = SmoothCrossEntropy.smooth_one_hot(c0, dist.size(-1), self.smoothing)
        store = F.log_softmax(dist, -1)
        h = -(c0 * store).sum(-1)
        if self.reduction == 'sum':
            return h.sum()
        if self.reduction == 'mean':
            return h.mean()
        return h if self.smoothing > 0 else F.cross_entropy(dist, c0, weight=self.weight, reduction=self.reduction)
