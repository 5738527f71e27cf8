# rewrite-of: bases/k1_where_kl.py via spell-logsoftmax-logsumexp, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.alpha = rho

    def forward(self, buf, logq):
        w_ = buf.size(-1)
        z = F.one_hot(logq, w_).bool()
        emb = torch.where(z, 1.0 - self.alpha, self.alpha / (w_ - 1))
        vec = buf - buf.logsumexp(-1, keepdim=True)
        return F.kl_div(vec, emb, reduction='sum')
