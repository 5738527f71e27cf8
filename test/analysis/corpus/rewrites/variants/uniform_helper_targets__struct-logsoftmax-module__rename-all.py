# rewrite-of: bases/uniform_helper_targets.py via struct-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(a0, emb, tau):
    aux = torch.full((a0.size(0), emb), tau / emb)
    return aux.scatter(1, a0.unsqueeze(1), 1.0 - tau + tau / emb)

class ClsCriterion(nn.Module):

    def __init__(self, rho=0.1, d0='mean'):
        super().__init__()
        self.mode_ = rho
        self.p0 = d0
        self.beta = nn.LogSoftmax(dim=1)

    def forward(self, acc, val):
        b0 = smooth_targets(val, acc.size(1), self.mode_)
        width = self.beta(acc)
        lp = -(b0 * width).sum(dim=1)
        if self.p0 == 'sum':
            return lp.sum()
        return lp.mean()
