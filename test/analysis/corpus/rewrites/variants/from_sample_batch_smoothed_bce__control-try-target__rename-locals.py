# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-try-target, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, delta, w_='mean'):
        super().__init__()
        self.alpha = delta
        self.reduction = w_

    def forward(self, gold, b0):
        mat = b0.max().item() + 1
        try:
            b0 = b0 * (1 - self.alpha) + self.alpha / mat
        except RuntimeError:
            raise
        c0 = -b0 * torch.log(gold + 1e-12)
        d0 = -(1 - b0) * torch.log(1 - gold + 1e-12)
        store = (c0 + d0).sum()
        if self.reduction == 'mean':
            store = store / len(gold)
        return store
