# rewrite-of: bases/k2_padding_kl.py via arith-fill-zeros-fill, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, prev, aux, rho=0.1):
        super().__init__()
        self.conf = prev
        self.coef = aux
        self.pad = rho

    def forward(self, outputs, width):
        acc = F.log_softmax(outputs, dim=-1)
        lp = torch.zeros_like(acc).fill_(self.pad / (self.conf - 2))
        lp.scatter_(1, width.unsqueeze(1), 1.0 - self.pad)
        lp[:, self.coef] = 0.0
        lp.masked_fill_((width == self.coef).unsqueeze(1), 0.0)
        return F.kl_div(acc, lp, reduction='sum')
