# rewrite-of: bases/batch_max_ce.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_labels

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        n_classes = target.max().item() + 1
        logp = F.log_softmax(x, dim=-1)
        soft = smoothed_labels(logp, n_classes, target, self.smoothing)
        return (-soft * logp).sum(dim=-1).mean()
