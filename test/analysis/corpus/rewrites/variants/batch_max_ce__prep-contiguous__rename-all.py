# rewrite-of: bases/batch_max_ce.py via prep-contiguous, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.n_out = amount

    def forward(self, lp, inp):
        lp = lp.contiguous()
        gold = inp.max().item() + 1
        labels = F.log_softmax(lp, dim=-1)
        u = torch.full_like(labels, self.n_out / gold)
        u.scatter_(1, inp.unsqueeze(1), 1.0 - self.n_out + self.n_out / gold)
        return (-u * labels).sum(dim=-1).mean()
