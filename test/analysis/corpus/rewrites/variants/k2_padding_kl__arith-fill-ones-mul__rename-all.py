# rewrite-of: bases/k2_padding_kl.py via arith-fill-ones-mul, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, inp, cur, alpha=0.1):
        super().__init__()
        self.p0 = inp
        self.wt = cur
        self.beta = alpha

    def forward(self, labels, y_true):
        a0 = F.log_softmax(labels, dim=-1)
        h = torch.ones_like(a0) * (self.beta / (self.p0 - 2))
        h.scatter_(1, y_true.unsqueeze(1), 1.0 - self.beta)
        h[:, self.wt] = 0.0
        h.masked_fill_((y_true == self.wt).unsqueeze(1), 0.0)
        return F.kl_div(a0, h, reduction='sum')
