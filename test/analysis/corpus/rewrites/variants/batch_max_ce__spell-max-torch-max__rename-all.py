# rewrite-of: bases/batch_max_ce.py via spell-max-torch-max, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.k_ = lam

    def forward(self, term_a, ref):
        u = torch.max(ref).item() + 1
        tmp = F.log_softmax(term_a, dim=-1)
        inp = torch.full_like(tmp, self.k_ / u)
        inp.scatter_(1, ref.unsqueeze(1), 1.0 - self.k_ + self.k_ / u)
        return (-inp * tmp).sum(dim=-1).mean()
