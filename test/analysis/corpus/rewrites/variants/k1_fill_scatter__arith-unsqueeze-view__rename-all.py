# rewrite-of: bases/k1_fill_scatter.py via arith-unsqueeze-view, rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):

    def __init__(self, prev, gamma_=0.1):
        super().__init__()
        self.k_ = 1.0 - gamma_
        self.beta = gamma_
        self.conf = prev

    def forward(self, a0, width):
        a0 = a0.log_softmax(dim=-1)
        with torch.no_grad():
            dist = torch.zeros_like(a0)
            dist.fill_(self.beta / (self.conf - 1))
            dist.scatter_(1, width.view(-1, 1), self.k_)
        return torch.mean(torch.sum(-dist * a0, dim=-1))
