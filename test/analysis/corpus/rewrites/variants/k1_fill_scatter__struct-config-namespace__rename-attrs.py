# rewrite-of: bases/k1_fill_scatter.py via struct-config-namespace, rename-attrs
from types import SimpleNamespace
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.strength = 1.0 - smoothing
        self.n_out = SimpleNamespace(smoothing=smoothing)
        self.wt = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.n_out.smoothing / (self.wt - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.strength)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
