# rewrite-of: bases/k2_padding_kl.py via eps-default-keyword-only, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, prev, arr, *, coef=0.1):
        super().__init__()
        self.red = prev
        self.conf = arr
        self.wt = coef

    def forward(self, a0, logq):
        ref = F.log_softmax(a0, dim=-1)
        width = torch.full_like(ref, self.wt / (self.red - 2))
        width.scatter_(1, logq.unsqueeze(1), 1.0 - self.wt)
        width[:, self.conf] = 0.0
        width.masked_fill_((logq == self.conf).unsqueeze(1), 0.0)
        return F.kl_div(ref, width, reduction='sum')
