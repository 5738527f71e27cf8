# rewrite-of: bases/batch_max_ce.py via helper-logsoftmax-nested, struct-plain-class
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing:
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        self.smoothing = smoothing

    def __call__(self, x, target):

        def _log_probs(scores):
            return F.log_softmax(scores, dim=-1)
        n_classes = target.max().item() + 1
        logp = _log_probs(x)
        soft = torch.full_like(logp, self.smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / n_classes)
        return (-soft * logp).sum(dim=-1).mean()
