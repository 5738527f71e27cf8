# rewrite-of: bases/batch_max_ce.py via eps-one-literal, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, preds, cnt):
        aux = cnt.max().item() + 1
        dist = F.log_softmax(preds, dim=-1)
        h = torch.full_like(dist, self.smoothing / aux)
        h.scatter_(1, cnt.unsqueeze(1), 1 - self.smoothing + self.smoothing / aux)
        return (-h * dist).sum(dim=-1).mean()
