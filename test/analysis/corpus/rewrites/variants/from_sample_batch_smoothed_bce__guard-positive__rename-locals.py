# rewrite-of: bases/from_sample_batch_smoothed_bce.py via guard-positive, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, rho, u='mean'):
        super().__init__()
        self.alpha = rho
        self.reduction = u

    def forward(self, term_b, c0):
        if self.alpha > 0:
            acc = c0.max().item() + 1
            c0 = c0 * (1 - self.alpha) + self.alpha / acc
            cnt = -c0 * torch.log(term_b + 1e-12)
            scores = -(1 - c0) * torch.log(1 - term_b + 1e-12)
            tmp = (cnt + scores).sum()
            if self.reduction == 'mean':
                tmp = tmp / len(term_b)
            return tmp
        else:
            return F.binary_cross_entropy(term_b, c0, reduction='sum') / len(term_b)
