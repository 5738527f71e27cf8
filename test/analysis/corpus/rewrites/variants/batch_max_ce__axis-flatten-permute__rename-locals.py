# rewrite-of: bases/batch_max_ce.py via axis-flatten-permute, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, size_, z):
        size_ = size_.permute(0, 2, 1).reshape(-1, size_.size(1))
        z = z.reshape(-1)
        part = z.max().item() + 1
        h = F.log_softmax(size_, dim=-1)
        c0 = torch.full_like(h, self.smoothing / part)
        c0.scatter_(1, z.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / part)
        return (-c0 * h).sum(dim=-1).mean()
