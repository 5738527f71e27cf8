# rewrite-of: bases/batch_max_ce.py via eps-default-or-default, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=None):
        tau = tau or 0.1
        super().__init__()
        self.pad = tau

    def forward(self, h, outputs):
        y_true = outputs.max().item() + 1
        dist = F.log_softmax(h, dim=-1)
        labels = torch.full_like(dist, self.pad / y_true)
        labels.scatter_(1, outputs.unsqueeze(1), 1.0 - self.pad + self.pad / y_true)
        return (-labels * dist).sum(dim=-1).mean()
