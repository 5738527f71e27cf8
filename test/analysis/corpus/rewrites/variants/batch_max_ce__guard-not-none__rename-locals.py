# rewrite-of: bases/batch_max_ce.py via guard-not-none, rename-locals
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, delta: Optional[float]=0.1):
        super().__init__()
        self.smoothing = delta

    def forward(self, logq, arr):
        if self.smoothing is not None:
            cur = arr.max().item() + 1
            gold = F.log_softmax(logq, dim=-1)
            term_a = torch.full_like(gold, self.smoothing / cur)
            term_a.scatter_(1, arr.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / cur)
            return (-term_a * gold).sum(dim=-1).mean()
        else:
            return F.cross_entropy(logq, arr)
