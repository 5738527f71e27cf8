# rewrite-of: bases/batch_max_ce.py via control-target-clone, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, delta=0.1):
        super().__init__()
        self.mix = delta

    def forward(self, labels, part):
        inp = part.max().item() + 1
        term_a = F.log_softmax(labels, dim=-1)
        acc = torch.full_like(term_a, self.mix / inp)
        acc.scatter_(1, part.unsqueeze(1), 1.0 - self.mix + self.mix / inp)
        acc = acc.clone()
        return (-acc * term_a).sum(dim=-1).mean()
