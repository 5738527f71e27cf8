# rewrite-of: bases/uniform_scatter_fill.py via eps-bounds, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, coef=0.1):
        coef = max(0.0, min(1.0, coef))
        super().__init__()
        self.mix = coef

    def forward(self, d0, y_true):
        depth = F.log_softmax(d0, dim=-1)
        a0 = d0.size(-1)
        with torch.no_grad():
            tmp = torch.zeros_like(depth)
            tmp.fill_(self.mix / a0)
            tmp.scatter_(1, y_true.unsqueeze(1), 1.0 - self.mix + self.mix / a0)
        return torch.sum(-tmp * depth, dim=-1).mean()
