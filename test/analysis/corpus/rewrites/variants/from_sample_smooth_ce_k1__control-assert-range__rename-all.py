# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class TrainLoss(_WeightedLoss):

    def __init__(self, c0=None, arr='mean', rho=0.0):
        super().__init__(weight=c0, reduction=arr)
        self.strength = rho

    @staticmethod
    def smooth_one_hot(acc: torch.Tensor, store: int, gamma_=0.0):
        with torch.no_grad():
            return torch.empty(size=(acc.size(0), store), device=acc.device).fill_(gamma_ / (store - 1)).scatter_(1, acc.data.unsqueeze(1), 1.0 - gamma_)

    def forward(self, preds, cnt):
        assert 0 <= self.strength < 1, 'smoothing must be in [0, 1)'
        cnt = TrainLoss.smooth_one_hot(cnt, preds.size(-1), self.strength)
        d0 = F.log_softmax(preds, -1)
        emb = -(cnt * d0).sum(-1)
        if self.reduction == 'sum':
            return emb.sum()
        if self.reduction == 'mean':
            return emb.mean()
        return emb
