# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-target-detach, rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, lam, h='mean'):
        super().__init__()
        self.coef = lam
        self.mode_ = h

    def forward(self, preds, tgt):
        size_ = tgt.max().item() + 1
        tgt = tgt * (1 - self.coef) + self.coef / size_
        tgt = tgt.detach()
        width = -tgt * torch.log(preds + 1e-12)
        val = -(1 - tgt) * torch.log(1 - preds + 1e-12)
        vec = (width + val).sum()
        if self.mode_ == 'mean':
            vec = vec / len(preds)
        return vec
