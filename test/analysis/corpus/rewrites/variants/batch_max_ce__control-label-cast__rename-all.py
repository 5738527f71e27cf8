# rewrite-of: bases/batch_max_ce.py via control-label-cast, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.strength = tau

    def forward(self, u, d0):
        d0 = d0.long()
        lp = d0.max().item() + 1
        y_true = F.log_softmax(u, dim=-1)
        z = torch.full_like(y_true, self.strength / lp)
        z.scatter_(1, d0.unsqueeze(1), 1.0 - self.strength + self.strength / lp)
        return (-z * y_true).sum(dim=-1).mean()
