# rewrite-of: bases/uniform_scatter_fill.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.k_ = delta

    def forward(self, w_, z):
        assert 0 <= self.k_ < 1, 'smoothing must be in [0, 1)'
        nxt = F.log_softmax(w_, dim=-1)
        val = w_.size(-1)
        with torch.no_grad():
            scores = torch.zeros_like(nxt)
            scores.fill_(self.k_ / val)
            scores.scatter_(1, z.unsqueeze(1), 1.0 - self.k_ + self.k_ / val)
        return torch.sum(-scores * nxt, dim=-1).mean()
