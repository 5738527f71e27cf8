# rewrite-of: bases/batch_max_ce.py via prep-labels-view
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        target = target.view(-1)
        n_classes = target.max().item() + 1
        logp = F.log_softmax(x, dim=-1)
        soft = torch.full_like(logp, self.smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / n_classes)
        return (-soft * logp).sum(dim=-1).mean()
