# rewrite-of: bases/batch_max_ce.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.red = amount

    def forward(self, b0, nxt):
        c0 = nxt.max().item() + 1
        vec = F.log_softmax(b0, dim=-1)
        dist = torch.full_like(vec, self.red / c0)
        dist.scatter_(1, nxt.unsqueeze(1), 1.0 - self.red + self.red / c0)
        return (-dist * vec).sum(dim=-1).mean()
