# rewrite-of: bases/k1_fill_scatter.py via rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):

    def __init__(self, tgt, delta=0.1):
        super().__init__()
        self.strength = 1.0 - delta
        self.beta = delta
        self.wt = tgt

    def forward(self, h, a0):
        h = h.log_softmax(dim=-1)
        with torch.no_grad():
            aux = torch.zeros_like(h)
            aux.fill_(self.beta / (self.wt - 1))
            aux.scatter_(1, a0.unsqueeze(1), self.strength)
        return torch.mean(torch.sum(-aux * h, dim=-1))
