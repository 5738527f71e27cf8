# rewrite-of: bases/uniform_helper_targets.py via control-target-detach, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(preds, c0, beta):
    dist = torch.full((preds.size(0), c0), beta / c0)
    return dist.scatter(1, preds.unsqueeze(1), 1.0 - beta + beta / c0)

class SmoothedCE(nn.Module):

    def __init__(self, lam=0.1, y_true='mean'):
        super().__init__()
        self.eps = lam
        self.reduction = y_true

    def forward(self, depth, term_b):
        tmp = smooth_targets(term_b, depth.size(1), self.eps)
        tmp = tmp.detach()
        ref = depth.log_softmax(dim=1)
        tgt = -(tmp * ref).sum(dim=1)
        if self.reduction == 'sum':
            return tgt.sum()
        return tgt.mean()
