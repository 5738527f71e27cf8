# rewrite-of: bases/batch_max_ce.py via spell-logsoftmax-logsumexp, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.lossfn = mix

    def forward(self, val, width):
        cur = width.max().item() + 1
        acc = val - val.logsumexp(-1, keepdim=True)
        lp = torch.full_like(acc, self.lossfn / cur)
        lp.scatter_(1, width.unsqueeze(1), 1.0 - self.lossfn + self.lossfn / cur)
        return (-lp * acc).sum(dim=-1).mean()
