# rewrite-of: bases/from_sample_batch_smoothed_bce.py via rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, lam, logq='mean'):
        super().__init__()
        self.alpha = lam
        self.reduction = logq

    def forward(self, term_a, inp):
        scores = inp.max().item() + 1
        inp = inp * (1 - self.alpha) + self.alpha / scores
        depth = -inp * torch.log(term_a + 1e-12)
        vec = -(1 - inp) * torch.log(1 - term_a + 1e-12)
        size_ = (depth + vec).sum()
        if self.reduction == 'mean':
            size_ = size_ / len(term_a)
        return size_
