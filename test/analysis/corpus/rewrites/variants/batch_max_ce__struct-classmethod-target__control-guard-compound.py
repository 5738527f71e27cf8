# rewrite-of: bases/batch_max_ce.py via struct-classmethod-target, control-guard-compound
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    @classmethod
    def _smooth_targets(cls, logp, n_classes, target, smoothing):
        soft = torch.full_like(logp, smoothing / n_classes)
        soft.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing / n_classes)
        return soft

    def forward(self, x, target):
        if self.training and self.smoothing > 0:
            n_classes = target.max().item() + 1
            logp = F.log_softmax(x, dim=-1)
            soft = self._smooth_targets(logp, n_classes, target, self.smoothing)
            return (-soft * logp).sum(dim=-1).mean()
        return F.cross_entropy(x, target)
