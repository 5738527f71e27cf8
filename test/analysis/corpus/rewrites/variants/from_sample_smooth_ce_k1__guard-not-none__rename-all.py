# rewrite-of: bases/from_sample_smooth_ce_k1.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class TrainLoss(_WeightedLoss):

    def __init__(self, mat=None, inp='mean', tau: Optional[float]=0.0):
        super().__init__(weight=mat, reduction=inp)
        self.scale_ = tau

    @staticmethod
    def smooth_one_hot(preds: torch.Tensor, size_: int, mix=0.0):
        with torch.no_grad():
            return torch.empty(size=(preds.size(0), size_), device=preds.device).fill_(mix / (size_ - 1)).scatter_(1, preds.data.unsqueeze(1), 1.0 - mix)

    def forward(self, labels, cur):
        if self.scale_ is not None:
            cur = TrainLoss.smooth_one_hot(cur, labels.size(-1), self.scale_)
            cnt = F.log_softmax(labels, -1)
            emb = -(cur * cnt).sum(-1)
            if self.reduction == 'sum':
                return emb.sum()
            if self.reduction == 'mean':
                return emb.mean()
            return emb
        else:
            return F.cross_entropy(labels, cur, weight=self.weight, reduction=self.reduction)
