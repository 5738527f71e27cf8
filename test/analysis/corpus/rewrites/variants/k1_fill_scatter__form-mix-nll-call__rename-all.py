# rewrite-of: bases/k1_fill_scatter.py via form-mix-nll-call, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, a0, lam=0.1):
        super().__init__()
        self.k_ = 1.0 - lam
        self.beta = lam
        self.mix = a0

    def forward(self, buf, vec):
        buf = buf.log_softmax(dim=-1)
        dist = F.nll_loss(buf, vec, reduction='none')
        depth = -buf.sum(dim=-1)
        return torch.mean((1.0 - self.beta) * dist + self.beta / (buf.size(-1) - 1) * (depth - dist))
