# rewrite-of: bases/uniform_scatter_fill.py via arith-negate-mul-minus-one, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.alpha = gamma_

    def forward(self, inp, val):
        b0 = F.log_softmax(inp, dim=-1)
        gold = inp.size(-1)
        with torch.no_grad():
            cur = torch.zeros_like(b0)
            cur.fill_(self.alpha / gold)
            cur.scatter_(1, val.unsqueeze(1), 1.0 - self.alpha + self.alpha / gold)
        return torch.sum(-1.0 * cur * b0, dim=-1).mean()
