# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-try-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, aux=None, size_='mean', alpha=0.0):
        super().__init__(weight=aux, reduction=size_)
        self.smoothing = alpha

    @staticmethod
    def smooth_one_hot(b0: torch.Tensor, term_a: int, rho=0.0):
        with torch.no_grad():
            return torch.empty(size=(b0.size(0), term_a), device=b0.device).fill_(rho / (term_a - 1)).scatter_(1, b0.data.unsqueeze(1), 1.0 - rho)

    def forward(self, labels, y_true):
        try:
            y_true = SmoothCrossEntropy.smooth_one_hot(y_true, labels.size(-1), self.smoothing)
        except RuntimeError:
            raise
        val = F.log_softmax(labels, -1)
        u = -(y_true * val).sum(-1)
        if self.reduction == 'sum':
            return u.sum()
        if self.reduction == 'mean':
            return u.mean()
        return u
