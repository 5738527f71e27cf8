# rewrite-of: bases/k1_fill_scatter.py via control-early-return, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.alpha = 1.0 - smoothing
        self.k_ = smoothing
        self.conf = classes

    def forward(self, pred, target):
        if self.k_ == 0:
            return F.cross_entropy(pred, target)
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.k_ / (self.conf - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.alpha)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
