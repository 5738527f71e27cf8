# rewrite-of: bases/from_sample_batch_smoothed_bce.py via arith-augmented, rename-all
import torch
import torch.nn as nn

class CriterionA(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, delta, lp='mean'):
        super().__init__()
        self.pad = delta
        self.crit = lp

    def forward(self, c0, scores):
        a0 = scores.max().item()
        a0 += 1
        scores = scores * (1 - self.pad) + self.pad / a0
        buf = -scores * torch.log(c0 + 1e-12)
        term_a = -(1 - scores) * torch.log(1 - c0 + 1e-12)
        preds = (buf + term_a).sum()
        if self.crit == 'mean':
            preds = preds / len(c0)
        return preds
