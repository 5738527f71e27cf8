# rewrite-of: bases/batch_max_ce.py via control-target-type-as, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, coef=0.1):
        super().__init__()
        self.alpha = coef

    def forward(self, nxt, u):
        outputs = u.max().item() + 1
        c0 = F.log_softmax(nxt, dim=-1)
        acc = torch.full_like(c0, self.alpha / outputs)
        acc.scatter_(1, u.unsqueeze(1), 1.0 - self.alpha + self.alpha / outputs)
        acc = acc.type_as(nxt)
        return (-acc * c0).sum(dim=-1).mean()
