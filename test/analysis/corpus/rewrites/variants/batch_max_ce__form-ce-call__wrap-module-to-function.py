# rewrite-of: bases/batch_max_ce.py via form-ce-call, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(x, target, smoothing):
    n_classes = target.max().item() + 1
    logp = F.log_softmax(x, dim=-1)
    soft = torch.full_like(logp, smoothing / n_classes)
    soft.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing / n_classes)
    return F.cross_entropy(x, soft)

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        return smoothed_loss(x, target, smoothing=self.smoothing)
