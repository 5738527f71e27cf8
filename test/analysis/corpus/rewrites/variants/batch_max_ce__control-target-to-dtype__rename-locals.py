# rewrite-of: bases/batch_max_ce.py via control-target-to-dtype, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, width, tmp):
        emb = tmp.max().item() + 1
        labels = F.log_softmax(width, dim=-1)
        prev = torch.full_like(labels, self.smoothing / emb)
        prev.scatter_(1, tmp.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / emb)
        prev = prev.to(width.dtype)
        return (-prev * labels).sum(dim=-1).mean()
