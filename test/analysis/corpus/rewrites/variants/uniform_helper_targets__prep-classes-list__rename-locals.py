# rewrite-of: bases/uniform_helper_targets.py via prep-classes-list, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(a0, tmp, delta):
    cur = torch.full((a0.size(0), tmp), delta / tmp)
    return cur.scatter(1, a0.unsqueeze(1), 1.0 - delta + delta / tmp)

class SmoothedCE(nn.Module):

    def __init__(self, gold, alpha=0.1, width='mean'):
        super().__init__()
        self.eps = alpha
        self.reduction = width
        self.classes = list(gold)

    def forward(self, preds, logq):
        ref = smooth_targets(logq, len(self.classes), self.eps)
        z = preds.log_softmax(dim=1)
        val = -(ref * z).sum(dim=1)
        if self.reduction == 'sum':
            return val.sum()
        return val.mean()
