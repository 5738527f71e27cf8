# rewrite-of: bases/batch_max_ce.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.wt = beta

    def forward(self, depth, b0):
        h = b0.max().item() + 1
        prev = F.log_softmax(depth, dim=-1)
        c0 = torch.full_like(prev, self.wt / h)
        c0.scatter_(1, b0.unsqueeze(1), 1.0 - self.wt + self.wt / h)
        return (-c0 * prev).sum(dim=-1).mean()
