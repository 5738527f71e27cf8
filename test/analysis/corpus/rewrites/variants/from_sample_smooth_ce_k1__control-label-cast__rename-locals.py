# rewrite-of: bases/from_sample_smooth_ce_k1.py via control-label-cast, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class SmoothCrossEntropy(_WeightedLoss):

    def __init__(self, store=None, outputs='mean', tau=0.0):
        super().__init__(weight=store, reduction=outputs)
        self.smoothing = tau

    @staticmethod
    def smooth_one_hot(scores: torch.Tensor, emb: int, alpha=0.0):
        with torch.no_grad():
            return torch.empty(size=(scores.size(0), emb), device=scores.device).fill_(alpha / (emb - 1)).scatter_(1, scores.data.unsqueeze(1), 1.0 - alpha)

    def forward(self, prev, ref):
        ref = ref.long()
        ref = SmoothCrossEntropy.smooth_one_hot(ref, prev.size(-1), self.smoothing)
        size_ = F.log_softmax(prev, -1)
        gold = -(ref * size_).sum(-1)
        if self.reduction == 'sum':
            return gold.sum()
        if self.reduction == 'mean':
            return gold.mean()
        return gold
