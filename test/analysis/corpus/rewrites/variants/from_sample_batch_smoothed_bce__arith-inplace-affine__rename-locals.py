# rewrite-of: bases/from_sample_batch_smoothed_bce.py via arith-inplace-affine, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, coef, b0='mean'):
        super().__init__()
        self.alpha = coef
        self.reduction = b0

    def forward(self, arr, h):
        c0 = h.max().item() + 1
        h = h.clone()
        h.mul_(1 - self.alpha)
        h.add_(self.alpha / c0)
        size_ = -h * torch.log(arr + 1e-12)
        buf = -(1 - h) * torch.log(1 - arr + 1e-12)
        term_b = (size_ + buf).sum()
        if self.reduction == 'mean':
            term_b = term_b / len(arr)
        return term_b
