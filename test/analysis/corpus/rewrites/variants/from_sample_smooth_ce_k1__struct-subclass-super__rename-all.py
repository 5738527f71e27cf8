# rewrite-of: bases/from_sample_smooth_ce_k1.py via struct-subclass-super, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class BaseSmoothCrossEntropy(_WeightedLoss):

    def __init__(arr, z=None, preds='mean', delta=0.0):
        super().__init__(weight=z, reduction=preds)
        arr.smoothing = delta

    @staticmethod
    def smooth_one_hot(width: torch.Tensor, term_a: int, rho=0.0):
        with torch.no_grad():
            return torch.empty(size=(width.size(0), term_a), device=width.device).fill_(rho / (term_a - 1)).scatter_(1, width.data.unsqueeze(1), 1.0 - rho)

    def forward(cur, u, gold):
        gold = BaseSmoothCrossEntropy.smooth_one_hot(gold, u.size(-1), cur.smoothing)
        outputs = F.log_softmax(u, -1)
        part = -(gold * outputs).sum(-1)
        if cur.reduction == 'sum':
            return part.sum()
        if cur.reduction == 'mean':
            return part.mean()
        return part

class MyLoss(BaseSmoothCrossEntropy):

    def forward(self, ref, a0):
        return super().forward(ref, a0)
