# rewrite-of: bases/from_sample_batch_smoothed_bce.py via eps-hoist, rename-all
import torch
import torch.nn as nn

class CriterionA(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, amount, size_='mean'):
        super().__init__()
        self.conf = amount
        self.k_ = size_

    def forward(self, labels, vec):
        depth = vec.max().item() + 1
        nxt = self.conf / depth
        vec = vec * (1 - self.conf) + nxt
        part = -vec * torch.log(labels + 1e-12)
        logq = -(1 - vec) * torch.log(1 - labels + 1e-12)
        mat = (part + logq).sum()
        if self.k_ == 'mean':
            mat = mat / len(labels)
        return mat
