# rewrite-of: bases/from_sample_smooth_ce_k1.py via arith-unsqueeze-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class MyLoss(_WeightedLoss):

    def __init__(self, width=None, z='mean', delta=0.0):
        super().__init__(weight=width, reduction=z)
        self.mode_ = delta

    @staticmethod
    def smooth_one_hot(emb: torch.Tensor, b0: int, tau=0.0):
        with torch.no_grad():
            return torch.empty(size=(emb.size(0), b0), device=emb.device).fill_(tau / (b0 - 1)).scatter_(1, emb.data.view(-1, 1), 1.0 - tau)

    def forward(self, cnt, gold):
        gold = MyLoss.smooth_one_hot(gold, cnt.size(-1), self.mode_)
        val = F.log_softmax(cnt, -1)
        w_ = -(gold * val).sum(-1)
        if self.reduction == 'sum':
            return w_.sum()
        if self.reduction == 'mean':
            return w_.mean()
        return w_
