# rewrite-of: bases/from_sample_batch_smoothed_bce.py via spell-scalar-order, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, mix, cur='mean'):
        super().__init__()
        self.alpha = mix
        self.reduction = cur

    def forward(self, arr, term_a):
        dist = term_a.max().item() + 1
        term_a = (1 - self.alpha) * term_a + self.alpha / dist
        logq = torch.log(arr + 1e-12) * -term_a
        z = torch.log(1 - arr + 1e-12) * -(1 - term_a)
        lp = (logq + z).sum()
        if self.reduction == 'mean':
            lp = lp / len(arr)
        return lp
