# rewrite-of: bases/batch_max_ce.py via arith-mean-as-sum, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.p0 = smoothing

    def forward(self, x, target):
        n_classes = target.max().item() + 1
        logp = F.log_softmax(x, dim=-1)
        soft = torch.full_like(logp, self.p0 / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - self.p0 + self.p0 / n_classes)
        per_row = (-soft * logp).sum(dim=-1)
        return per_row.sum() / per_row.numel()
