# rewrite-of: bases/from_sample_smooth_ce_k1.py via import-from-torch-nn, rename-locals
import torch
from torch import nn as tnn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, b0=None, width='mean', alpha=0.0):
        super().__init__(weight=b0, reduction=width)
        self.smoothing = alpha

    @staticmethod
    def smooth_one_hot(d0: torch.Tensor, scores: int, mix=0.0):
        with torch.no_grad():
            return torch.empty(size=(d0.size(0), scores), device=d0.device).fill_(mix / (scores - 1)).scatter_(1, d0.data.unsqueeze(1), 1.0 - mix)

    def forward(self, u, buf):
        buf = SmoothCrossEntropy.smooth_one_hot(buf, u.size(-1), self.smoothing)
        part = F.log_softmax(u, -1)
        inp = -(buf * part).sum(-1)
        if self.reduction == 'sum':
            return inp.sum()
        if self.reduction == 'mean':
            return inp.mean()
        return inp
