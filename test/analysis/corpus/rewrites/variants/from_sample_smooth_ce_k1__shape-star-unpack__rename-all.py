# rewrite-of: bases/from_sample_smooth_ce_k1.py via shape-star-unpack, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class CriterionA(_WeightedLoss):

    def __init__(self, size_=None, u='mean', tau=0.0):
        super().__init__(weight=size_, reduction=u)
        self.strength = tau

    @staticmethod
    def smooth_one_hot(mat: torch.Tensor, prev: int, alpha=0.0):
        with torch.no_grad():
            return torch.empty(size=(mat.size(0), prev), device=mat.device).fill_(alpha / (prev - 1)).scatter_(1, mat.data.unsqueeze(1), 1.0 - alpha)

    def forward(self, depth, tgt):
        *aux, labels = depth.shape
        tgt = CriterionA.smooth_one_hot(tgt, labels, self.strength)
        d0 = F.log_softmax(depth, -1)
        acc = -(tgt * d0).sum(-1)
        if self.reduction == 'sum':
            return acc.sum()
        if self.reduction == 'mean':
            return acc.mean()
        return acc
