# rewrite-of: bases/batch_max_ce.py via arith-fill-ones-mul, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau

    def forward(self, u, mat):
        dist = mat.max().item() + 1
        depth = F.log_softmax(u, dim=-1)
        preds = torch.ones_like(depth) * (self.smoothing / dist)
        preds.scatter_(1, mat.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / dist)
        return (-preds * depth).sum(dim=-1).mean()
