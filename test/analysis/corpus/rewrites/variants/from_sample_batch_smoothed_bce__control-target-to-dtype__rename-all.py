# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-target-to-dtype, rename-all
import torch
import torch.nn as nn

class CriterionA(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, tau, tgt='mean'):
        super().__init__()
        self.k_ = tau
        self.strength = tgt

    def forward(self, scores, z):
        labels = z.max().item() + 1
        z = z * (1 - self.k_) + self.k_ / labels
        z = z.to(scores.dtype)
        acc = -z * torch.log(scores + 1e-12)
        gold = -(1 - z) * torch.log(1 - scores + 1e-12)
        y_true = (acc + gold).sum()
        if self.strength == 'mean':
            y_true = y_true / len(scores)
        return y_true
