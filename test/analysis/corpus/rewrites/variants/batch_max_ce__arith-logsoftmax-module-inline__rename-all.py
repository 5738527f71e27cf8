# rewrite-of: bases/batch_max_ce.py via arith-logsoftmax-module-inline, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.p0 = tau

    def forward(self, a0, prev):
        preds = prev.max().item() + 1
        acc = nn.LogSoftmax(dim=-1)(a0)
        u = torch.full_like(acc, self.p0 / preds)
        u.scatter_(1, prev.unsqueeze(1), 1.0 - self.p0 + self.p0 / preds)
        return (-u * acc).sum(dim=-1).mean()
