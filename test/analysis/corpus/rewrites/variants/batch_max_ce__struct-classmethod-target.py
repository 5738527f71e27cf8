# rewrite-of: bases/batch_max_ce.py via struct-classmethod-target
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    @classmethod
    def smoothed_labels(cls, logp, n_classes, target, smoothing):
        soft = torch.full_like(logp, smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing / n_classes)
        return soft

    def forward(self, x, target):
        n_classes = target.max().item() + 1
        logp = F.log_softmax(x, dim=-1)
        soft = self.smoothed_labels(logp, n_classes, target, self.smoothing)
        return (-soft * logp).sum(dim=-1).mean()
