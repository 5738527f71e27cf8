# rewrite-of: bases/batch_max_ce.py via eps-divide-reciprocal, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, coef=0.1):
        super().__init__()
        self.crit = coef

    def forward(self, val, labels):
        a0 = labels.max().item() + 1
        buf = F.log_softmax(val, dim=-1)
        lp = torch.full_like(buf, self.crit * (1.0 / a0))
        lp.scatter_(1, labels.unsqueeze(1), 1.0 - self.crit + self.crit * (1.0 / a0))
        return (-lp * buf).sum(dim=-1).mean()
