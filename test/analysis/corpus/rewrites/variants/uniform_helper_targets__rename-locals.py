# rewrite-of: bases/uniform_helper_targets.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(cnt, gold, rho):
    emb = torch.full((cnt.size(0), gold), rho / gold)
    return emb.scatter(1, cnt.unsqueeze(1), 1.0 - rho + rho / gold)

class SmoothedCE(nn.Module):

    def __init__(self, mix=0.1, logq='mean'):
        super().__init__()
        self.eps = mix
        self.reduction = logq

    def forward(self, nxt, c0):
        outputs = smooth_targets(c0, nxt.size(1), self.eps)
        term_b = nxt.log_softmax(dim=1)
        b0 = -(outputs * term_b).sum(dim=1)
        if self.reduction == 'sum':
            return b0.sum()
        return b0.mean()
