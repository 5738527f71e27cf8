# rewrite-of: bases/uniform_helper_targets.py via guard-not-none, rename-locals
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(outputs, emb, lam):
    preds = torch.full((outputs.size(0), emb), lam / emb)
    return preds.scatter(1, outputs.unsqueeze(1), 1.0 - lam + lam / emb)

class SmoothedCE(nn.Module):

    def __init__(self, coef: Optional[float]=0.1, width='mean'):
        super().__init__()
        self.eps = coef
        self.reduction = width

    def forward(self, tgt, buf):
        if self.eps is not None:
            aux = smooth_targets(buf, tgt.size(1), self.eps)
            scores = tgt.log_softmax(dim=1)
            dist = -(aux * scores).sum(dim=1)
            if self.reduction == 'sum':
                return dist.sum()
            return dist.mean()
        else:
            return F.cross_entropy(tgt, buf, reduction=self.reduction)
