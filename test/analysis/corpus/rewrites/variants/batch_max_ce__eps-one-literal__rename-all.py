# rewrite-of: bases/batch_max_ce.py via eps-one-literal, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.alpha = beta

    def forward(self, dist, prev):
        z = prev.max().item() + 1
        tmp = F.log_softmax(dist, dim=-1)
        w_ = torch.full_like(tmp, self.alpha / z)
        w_.scatter_(1, prev.unsqueeze(1), 1 - self.alpha + self.alpha / z)
        return (-w_ * tmp).sum(dim=-1).mean()
