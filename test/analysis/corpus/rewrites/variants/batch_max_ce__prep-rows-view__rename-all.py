# rewrite-of: bases/batch_max_ce.py via prep-rows-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.scale_ = amount

    def forward(self, term_b, part):
        term_b = term_b.view(-1, term_b.size(-1))
        d0 = part.max().item() + 1
        labels = F.log_softmax(term_b, dim=-1)
        c0 = torch.full_like(labels, self.scale_ / d0)
        c0.scatter_(1, part.unsqueeze(1), 1.0 - self.scale_ + self.scale_ / d0)
        return (-c0 * labels).sum(dim=-1).mean()
