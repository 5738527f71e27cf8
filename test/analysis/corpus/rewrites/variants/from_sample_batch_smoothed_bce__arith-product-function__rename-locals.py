# rewrite-of: bases/from_sample_batch_smoothed_bce.py via arith-product-function, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, tau, mat='mean'):
        super().__init__()
        self.alpha = tau
        self.reduction = mat

    def forward(self, gold, c0):
        buf = c0.max().item() + 1
        c0 = torch.mul(c0, 1 - self.alpha) + self.alpha / buf
        arr = torch.mul(torch.log(gold + 1e-12), -c0)
        lp = torch.mul(torch.log(1 - gold + 1e-12), -(1 - c0))
        aux = (arr + lp).sum()
        if self.reduction == 'mean':
            aux = aux / len(gold)
        return aux
