# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-assert-range, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, dist='mean'):
        super().__init__()
        self.alpha = beta
        self.reduction = dist

    def forward(self, part, a0):
        assert 0 <= self.alpha < 1, 'smoothing must be in [0, 1)'
        d0 = a0.max().item() + 1
        a0 = a0 * (1 - self.alpha) + self.alpha / d0
        arr = -a0 * torch.log(part + 1e-12)
        scores = -(1 - a0) * torch.log(1 - part + 1e-12)
        vec = (arr + scores).sum()
        if self.reduction == 'mean':
            vec = vec / len(part)
        return vec
