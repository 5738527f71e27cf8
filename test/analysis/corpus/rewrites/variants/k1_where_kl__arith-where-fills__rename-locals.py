# rewrite-of: bases/k1_where_kl.py via arith-where-fills, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.alpha = mix

    def forward(self, part, c0):
        logq = part.size(-1)
        d0 = F.one_hot(c0, logq).bool()
        emb = torch.where(d0, torch.full(d0.shape, 1.0 - self.alpha), torch.full(d0.shape, self.alpha / (logq - 1)))
        u = F.log_softmax(part, dim=-1)
        return F.kl_div(u, emb, reduction='sum')
