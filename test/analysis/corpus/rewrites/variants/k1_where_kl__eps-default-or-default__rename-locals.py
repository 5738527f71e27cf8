# rewrite-of: bases/k1_where_kl.py via eps-default-or-default, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, rho=None):
        rho = rho or 0.1
        super().__init__()
        self.alpha = rho

    def forward(self, d0, term_a):
        val = d0.size(-1)
        aux = F.one_hot(term_a, val).bool()
        buf = torch.where(aux, 1.0 - self.alpha, self.alpha / (val - 1))
        b0 = F.log_softmax(d0, dim=-1)
        return F.kl_div(b0, buf, reduction='sum')
