# rewrite-of: bases/batch_max_ce.py via arith-fill-zeros-fill, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.smoothing = amount

    def forward(self, scores, a0):
        logq = a0.max().item() + 1
        z = F.log_softmax(scores, dim=-1)
        cur = torch.zeros_like(z).fill_(self.smoothing / logq)
        cur.scatter_(1, a0.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / logq)
        return (-cur * z).sum(dim=-1).mean()
