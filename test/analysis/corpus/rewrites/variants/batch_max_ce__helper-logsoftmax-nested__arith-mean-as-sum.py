# rewrite-of: bases/batch_max_ce.py via helper-logsoftmax-nested, arith-mean-as-sum
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):

        def _log_probs(scores):
            return F.log_softmax(scores, dim=-1)
        n_classes = target.max().item() + 1
        logp = _log_probs(x)
        soft = torch.full_like(logp, self.smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / n_classes)
        per_row = (-soft * logp).sum(dim=-1)
        return per_row.sum() / per_row.numel()
