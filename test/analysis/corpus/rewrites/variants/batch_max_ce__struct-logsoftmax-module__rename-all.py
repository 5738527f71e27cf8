# rewrite-of: bases/batch_max_ce.py via struct-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.p0 = rho
        self.k_ = nn.LogSoftmax(dim=-1)

    def forward(self, val, b0):
        gold = b0.max().item() + 1
        labels = self.k_(val)
        logq = torch.full_like(labels, self.p0 / gold)
        logq.scatter_(1, b0.unsqueeze(1), 1.0 - self.p0 + self.p0 / gold)
        return (-logq * labels).sum(dim=-1).mean()
