"""Label smoothing for binary targets."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmoothBCEWithLogits(nn.Module):
    """Pulls 0/1 targets towards 0.5: t * (1 - alpha) + alpha / 2."""

    def __init__(self, alpha=0.1, pos_weight=None):
        super().__init__()
        self.alpha = alpha
        self.pos_weight = pos_weight

    def forward(self, logits, target):
        soft = target * (1.0 - self.alpha) + 0.5 * self.alpha
        return F.binary_cross_entropy_with_logits(logits, soft, pos_weight=self.pos_weight)


class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, alpha, reduction="mean"):
        super().__init__()
        self.alpha = alpha
        self.reduction = reduction

    def forward(self, probs, target):
        n = target.max().item() + 1
        target = target * (1 - self.alpha) + self.alpha / n
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        loss = (positive + negative).sum()
        if self.reduction == "mean":
            loss = loss / len(probs)
        return loss
