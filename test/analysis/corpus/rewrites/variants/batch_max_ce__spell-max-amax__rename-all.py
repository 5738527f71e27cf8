# rewrite-of: bases/batch_max_ce.py via spell-max-amax, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.k_ = alpha

    def forward(self, size_, nxt):
        z = torch.amax(nxt).item() + 1
        mat = F.log_softmax(size_, dim=-1)
        c0 = torch.full_like(mat, self.k_ / z)
        c0.scatter_(1, nxt.unsqueeze(1), 1.0 - self.k_ + self.k_ / z)
        return (-c0 * mat).sum(dim=-1).mean()
