# rewrite-of: bases/from_sample_batch_smoothed_bce.py via import-from-torch-nn, rename-attrs
import torch
from torch import nn as tnn

class BatchSmoothedBCE(tnn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, alpha, reduction='mean'):
        super().__init__()
        self.crit = alpha
        self.beta = reduction

    def forward(self, probs, target):
        n = target.max().item() + 1
        target = target * (1 - self.crit) + self.crit / n
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        loss = (positive + negative).sum()
        if self.beta == 'mean':
            loss = loss / len(probs)
        return loss
