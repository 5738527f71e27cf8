# rewrite-of: bases/batch_max_ce.py via spell-reduce-dim-swap, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, labels, cur):
        tmp = cur.max().item() + 1
        cnt = F.log_softmax(labels, dim=-1)
        c0 = torch.full_like(cnt, self.smoothing / tmp)
        c0.scatter_(1, cur.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / tmp)
        return (-c0 * cnt).sum(dim=1).mean()
