# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-guard-compound, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, u=None, a0='mean', lam=0.0):
        super().__init__(weight=u, reduction=a0)
        self.smoothing = lam

    @staticmethod
    def smooth_one_hot(arr: torch.Tensor, outputs: int, alpha=0.0):
        with torch.no_grad():
            return torch.empty(size=(arr.size(0), outputs), device=arr.device).fill_(alpha / (outputs - 1)).scatter_(1, arr.data.unsqueeze(1), 1.0 - alpha)

    def forward(self, labels, term_b):
        if self.training and self.smoothing > 0:
            term_b = SmoothCrossEntropy.smooth_one_hot(term_b, labels.size(-1), self.smoothing)
            dist = F.log_softmax(labels, -1)
            logq = -(term_b * dist).sum(-1)
            if self.reduction == 'sum':
                return logq.sum()
            if self.reduction == 'mean':
                return logq.mean()
            return logq
        return F.cross_entropy(labels, term_b, weight=self.weight, reduction=self.reduction)
