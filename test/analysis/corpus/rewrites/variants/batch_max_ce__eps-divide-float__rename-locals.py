# rewrite-of: bases/batch_max_ce.py via eps-divide-float, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, tgt, mat):
        dist = mat.max().item() + 1
        gold = F.log_softmax(tgt, dim=-1)
        aux = torch.full_like(gold, self.smoothing / float(dist))
        aux.scatter_(1, mat.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / float(dist))
        return (-aux * gold).sum(dim=-1).mean()
