# rewrite-of: bases/batch_max_ce.py via axis-dim1, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.smoothing = amount

    def forward(self, a0, gold):
        z = gold.max().item() + 1
        ref = F.log_softmax(a0, dim=1)
        d0 = torch.full_like(ref, self.smoothing / z)
        d0.scatter_(1, gold.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / z)
        return (-d0 * ref).sum(dim=1).mean()
