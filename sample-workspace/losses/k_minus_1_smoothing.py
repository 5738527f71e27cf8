"""Label smoothing that gives the true class 1 - eps and spreads eps over the other K - 1 classes."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss


class LabelSmoothingLoss(nn.Module):
    """Same name as the class in uniform_smoothing.py, different maths."""

    def __init__(self, classes, smoothing=0.0, dim=-1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes
        self.dim = dim

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=self.dim))


class SmoothCrossEntropy(_WeightedLoss):
    def __init__(self, weight=None, reduction="mean", smoothing=0.0):
        super().__init__(weight=weight, reduction=reduction)
        self.smoothing = smoothing

    @staticmethod
    def smooth_one_hot(targets: torch.Tensor, n_classes: int, smoothing=0.0):
        with torch.no_grad():
            return (
                torch.empty(size=(targets.size(0), n_classes), device=targets.device)
                .fill_(smoothing / (n_classes - 1))
                .scatter_(1, targets.data.unsqueeze(1), 1.0 - smoothing)
            )

    def forward(self, inputs, targets):
        targets = SmoothCrossEntropy.smooth_one_hot(targets, inputs.size(-1), self.smoothing)
        log_probs = F.log_softmax(inputs, -1)
        loss = -(targets * log_probs).sum(-1)
        if self.reduction == "sum":
            return loss.sum()
        if self.reduction == "mean":
            return loss.mean()
        return loss


if __name__ == "__main__":
    logits = torch.tensor([[0.0, 0.2, 0.7, 0.1, 0.0], [0.0, 0.9, 0.2, 0.2, 1.0], [1.0, 0.2, 0.7, 0.9, 1.0]])
    target = torch.tensor([2, 1, 0])
    print(LabelSmoothingLoss(classes=5, smoothing=0.5)(logits, target))  # tensor(1.5161)
    print(SmoothCrossEntropy(smoothing=0.3)(logits, target))  # tensor(1.4178)
