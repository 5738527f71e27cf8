# rewrite-of: bases/from_sample_batch_smoothed_bce.py via eps-bounds, prep-contiguous
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, alpha, reduction='mean'):
        alpha = max(0.0, min(1.0, alpha))
        super().__init__()
        self.alpha = alpha
        self.reduction = reduction

    def forward(self, probs, target):
        probs = probs.contiguous()
        n = target.max().item() + 1
        target = target * (1 - self.alpha) + self.alpha / n
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        loss = (positive + negative).sum()
        if self.reduction == 'mean':
            loss = loss / len(probs)
        return loss
