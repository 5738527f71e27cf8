# rewrite-of: bases/batch_max_ce.py via helper-logsoftmax-module, prep-rows-view
import torch
import torch.nn as nn
import torch.nn.functional as F

def normalize_logits(z):
    return F.log_softmax(z, dim=-1)

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        x = x.view(-1, x.size(-1))
        n_classes = target.max().item() + 1
        logp = normalize_logits(x)
        soft = torch.full_like(logp, self.smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / n_classes)
        return (-soft * logp).sum(dim=-1).mean()
