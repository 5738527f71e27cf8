# rewrite-of: bases/uniform_helper_targets.py via arith-unsqueeze-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(outputs, d0, rho):
    buf = torch.full((outputs.size(0), d0), rho / d0)
    return buf.scatter(1, outputs.view(-1, 1), 1.0 - rho + rho / d0)

class SmoothedCE(nn.Module):

    def __init__(self, coef=0.1, preds='mean'):
        super().__init__()
        self.eps = coef
        self.reduction = preds

    def forward(self, part, arr):
        cnt = smooth_targets(arr, part.size(1), self.eps)
        tgt = part.log_softmax(dim=1)
        u = -(cnt * tgt).sum(dim=1)
        if self.reduction == 'sum':
            return u.sum()
        return u.mean()
