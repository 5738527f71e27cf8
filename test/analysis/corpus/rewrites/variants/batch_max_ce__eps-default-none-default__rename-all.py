# rewrite-of: bases/batch_max_ce.py via eps-default-none-default, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, beta=None):
        if beta is None:
            beta = 0.1
        super().__init__()
        self.alpha = beta

    def forward(self, width, term_b):
        size_ = term_b.max().item() + 1
        lp = F.log_softmax(width, dim=-1)
        gold = torch.full_like(lp, self.alpha / size_)
        gold.scatter_(1, term_b.unsqueeze(1), 1.0 - self.alpha + self.alpha / size_)
        return (-gold * lp).sum(dim=-1).mean()
