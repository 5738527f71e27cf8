# rewrite-of: bases/uniform_helper_targets.py via control-guard-compound, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(tgt, val, beta):
    prev = torch.full((tgt.size(0), val), beta / val)
    return prev.scatter(1, tgt.unsqueeze(1), 1.0 - beta + beta / val)

class SmoothedCE(nn.Module):

    def __init__(self, rho=0.1, size_='mean'):
        super().__init__()
        self.eps = rho
        self.reduction = size_

    def forward(self, logq, vec):
        if self.training and self.eps > 0:
            outputs = smooth_targets(vec, logq.size(1), self.eps)
            inp = logq.log_softmax(dim=1)
            z = -(outputs * inp).sum(dim=1)
            if self.reduction == 'sum':
                return z.sum()
            return z.mean()
        return F.cross_entropy(logq, vec, reduction=self.reduction)
