# rewrite-of: bases/from_sample_batch_smoothed_bce.py via struct-delegate-method, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, a0='mean'):
        super().__init__()
        self.alpha = beta
        self.reduction = a0

    def forward(self, store, term_a):
        return self._forward_impl(store, term_a)

    def _forward_impl(self, cur, term_b):
        b0 = term_b.max().item() + 1
        term_b = term_b * (1 - self.alpha) + self.alpha / b0
        h = -term_b * torch.log(cur + 1e-12)
        depth = -(1 - term_b) * torch.log(1 - cur + 1e-12)
        y_true = (h + depth).sum()
        if self.reduction == 'mean':
            y_true = y_true / len(cur)
        return y_true
