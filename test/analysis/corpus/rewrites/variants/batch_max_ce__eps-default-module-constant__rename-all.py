# rewrite-of: bases/batch_max_ce.py via eps-default-module-constant, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
LABEL_SMOOTHING = 0.1

class CriterionA(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=LABEL_SMOOTHING):
        super().__init__()
        self.red = amount

    def forward(self, labels, h):
        buf = h.max().item() + 1
        prev = F.log_softmax(labels, dim=-1)
        depth = torch.full_like(prev, self.red / buf)
        depth.scatter_(1, h.unsqueeze(1), 1.0 - self.red + self.red / buf)
        return (-depth * prev).sum(dim=-1).mean()
