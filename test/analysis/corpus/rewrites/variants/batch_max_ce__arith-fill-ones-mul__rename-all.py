# rewrite-of: bases/batch_max_ce.py via arith-fill-ones-mul, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.crit = tau

    def forward(self, lp, acc):
        outputs = acc.max().item() + 1
        cnt = F.log_softmax(lp, dim=-1)
        labels = torch.ones_like(cnt) * (self.crit / outputs)
        labels.scatter_(1, acc.unsqueeze(1), 1.0 - self.crit + self.crit / outputs)
        return (-labels * cnt).sum(dim=-1).mean()
