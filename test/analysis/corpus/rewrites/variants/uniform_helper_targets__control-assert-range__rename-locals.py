# rewrite-of: bases/uniform_helper_targets.py via control-assert-range, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(buf, part, mix):
    cnt = torch.full((buf.size(0), part), mix / part)
    return cnt.scatter(1, buf.unsqueeze(1), 1.0 - mix + mix / part)

class SmoothedCE(nn.Module):

    def __init__(self, beta=0.1, lp='mean'):
        super().__init__()
        self.eps = beta
        self.reduction = lp

    def forward(self, logq, width):
        assert 0 <= self.eps < 1, 'smoothing must be in [0, 1)'
        size_ = smooth_targets(width, logq.size(1), self.eps)
        preds = logq.log_softmax(dim=1)
        mat = -(size_ * preds).sum(dim=1)
        if self.reduction == 'sum':
            return mat.sum()
        return mat.mean()
