# rewrite-of: bases/uniform_helper_targets.py via spell-onehot-one-hot-mix, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(gold, a0, amount):
    size_ = torch.full((gold.size(0), a0), amount / a0)
    return size_ * (1 - F.one_hot(gold, size_.size(-1)).to(size_.dtype)) + (1.0 - amount + amount / a0) * F.one_hot(gold, size_.size(-1)).to(size_.dtype)

class SmoothedCE(nn.Module):

    def __init__(self, alpha=0.1, cur='mean'):
        super().__init__()
        self.eps = alpha
        self.reduction = cur

    def forward(self, part, labels):
        depth = smooth_targets(labels, part.size(1), self.eps)
        val = part.log_softmax(dim=1)
        cnt = -(depth * val).sum(dim=1)
        if self.reduction == 'sum':
            return cnt.sum()
        return cnt.mean()
