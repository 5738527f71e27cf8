# rewrite-of: bases/from_sample_batch_smoothed_bce.py via struct-classmethod-target, wrap-annotations
import torch
import torch.nn as nn
from torch import Tensor

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, alpha, reduction='mean'):
        super().__init__()
        self.alpha = alpha
        self.reduction = reduction

    @classmethod
    def build_soft_targets(cls, target, n, alpha):
        target = target * (1 - alpha) + alpha / n
        return target

    def forward(self, probs: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        n = target.max().item() + 1
        target = self.build_soft_targets(target, n, self.alpha)
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        loss = (positive + negative).sum()
        if self.reduction == 'mean':
            loss = loss / len(probs)
        return loss
