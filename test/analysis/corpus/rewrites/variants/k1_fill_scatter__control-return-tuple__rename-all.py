# rewrite-of: bases/k1_fill_scatter.py via control-return-tuple, rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):

    def __init__(self, a0, delta=0.1):
        super().__init__()
        self.mode_ = 1.0 - delta
        self.crit = delta
        self.coef = a0

    def forward(self, buf, y_true):
        buf = buf.log_softmax(dim=-1)
        with torch.no_grad():
            ref = torch.zeros_like(buf)
            ref.fill_(self.crit / (self.coef - 1))
            ref.scatter_(1, y_true.unsqueeze(1), self.mode_)
        return (torch.mean(torch.sum(-ref * buf, dim=-1)), torch.mean(torch.sum(-ref * buf, dim=-1)).detach())
