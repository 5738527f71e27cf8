# rewrite-of: bases/batch_max_ce.py via arith-augmented, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.smoothing = amount

    def forward(self, part, vec):
        y_true = vec.max().item()
        y_true += 1
        labels = F.log_softmax(part, dim=-1)
        size_ = torch.full_like(labels, self.smoothing / y_true)
        size_.scatter_(1, vec.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / y_true)
        return (-size_ * labels).sum(dim=-1).mean()
