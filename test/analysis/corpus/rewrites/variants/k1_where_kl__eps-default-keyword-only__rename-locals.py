# rewrite-of: bases/k1_where_kl.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, *, rho=0.1):
        super().__init__()
        self.alpha = rho

    def forward(self, aux, u):
        c0 = aux.size(-1)
        nxt = F.one_hot(u, c0).bool()
        size_ = torch.where(nxt, 1.0 - self.alpha, self.alpha / (c0 - 1))
        val = F.log_softmax(aux, dim=-1)
        return F.kl_div(val, size_, reduction='sum')
