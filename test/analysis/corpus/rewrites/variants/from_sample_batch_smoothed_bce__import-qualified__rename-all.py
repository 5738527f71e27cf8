# rewrite-of: bases/from_sample_batch_smoothed_bce.py via import-qualified, rename-all
import torch
import torch.nn

class CriterionA(torch.nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, tau, size_='mean'):
        super().__init__()
        self.crit = tau
        self.strength = size_

    def forward(self, dist, logq):
        width = logq.max().item() + 1
        logq = logq * (1 - self.crit) + self.crit / width
        vec = -logq * torch.log(dist + 1e-12)
        nxt = -(1 - logq) * torch.log(1 - dist + 1e-12)
        y_true = (vec + nxt).sum()
        if self.strength == 'mean':
            y_true = y_true / len(dist)
        return y_true
