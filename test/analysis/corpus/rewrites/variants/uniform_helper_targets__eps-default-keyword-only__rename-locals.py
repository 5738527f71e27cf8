# rewrite-of: bases/uniform_helper_targets.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(ref, term_a, rho):
    y_true = torch.full((ref.size(0), term_a), rho / term_a)
    return y_true.scatter(1, ref.unsqueeze(1), 1.0 - rho + rho / term_a)

class SmoothedCE(nn.Module):

    def __init__(self, w_='mean', *, amount=0.1):
        super().__init__()
        self.eps = amount
        self.reduction = w_

    def forward(self, a0, z):
        h = smooth_targets(z, a0.size(1), self.eps)
        part = a0.log_softmax(dim=1)
        dist = -(h * part).sum(dim=1)
        if self.reduction == 'sum':
            return dist.sum()
        return dist.mean()
