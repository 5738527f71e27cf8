# rewrite-of: bases/batch_max_ce.py via import-from-nn-functional, rename-all
import torch
import torch.nn as nn
from torch.nn import functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.alpha = amount

    def forward(self, z, emb):
        c0 = emb.max().item() + 1
        arr = F.log_softmax(z, dim=-1)
        acc = torch.full_like(arr, self.alpha / c0)
        acc.scatter_(1, emb.unsqueeze(1), 1.0 - self.alpha + self.alpha / c0)
        return (-acc * arr).sum(dim=-1).mean()
