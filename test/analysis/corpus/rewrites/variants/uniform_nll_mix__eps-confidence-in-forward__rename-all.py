# rewrite-of: bases/uniform_nll_mix.py via eps-confidence-in-forward, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.p0 = amount

    def forward(self, labels, gold):
        buf = 1.0 - self.p0
        term_a = F.log_softmax(labels, dim=-1)
        d0 = -term_a.gather(dim=-1, index=gold.unsqueeze(1)).squeeze(1)
        acc = -term_a.mean(dim=-1)
        size_ = buf * d0 + self.p0 * acc
        return size_.mean()
