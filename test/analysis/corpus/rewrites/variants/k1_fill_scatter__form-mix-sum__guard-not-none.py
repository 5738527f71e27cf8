# rewrite-of: bases/k1_fill_scatter.py via form-mix-sum, guard-not-none
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing: Optional[float]=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        if self.smoothing is not None:
            pred = pred.log_softmax(dim=-1)
            nll_loss = -pred.gather(-1, target.unsqueeze(-1)).squeeze(-1)
            smooth_loss = -pred.sum(dim=-1)
            return torch.mean((1.0 - self.smoothing) * nll_loss + self.smoothing / (pred.size(-1) - 1) * (smooth_loss - nll_loss))
        else:
            return F.cross_entropy(pred, target)
