# rewrite-of: bases/k1_where_kl.py via shape-size-dim-kw, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.alpha = tau

    def forward(self, term_a, lp):
        gold = term_a.size(dim=-1)
        depth = F.one_hot(lp, gold).bool()
        h = torch.where(depth, 1.0 - self.alpha, self.alpha / (gold - 1))
        width = F.log_softmax(term_a, dim=-1)
        return F.kl_div(width, h, reduction='sum')
