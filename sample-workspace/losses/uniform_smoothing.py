"""Label smoothing that spreads epsilon over all K classes (target (1 - eps) * onehot + eps / K)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, epsilon: float = 0.1, reduction: str = "mean", weight=None):
        super().__init__()
        self.epsilon = epsilon
        self.reduction = reduction
        self.weight = weight

    def _reduce(self, values):
        if self.reduction == "mean":
            return values.mean()
        if self.reduction == "sum":
            return values.sum()
        return values

    def forward(self, logits, target):
        n_classes = logits.size(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        spread = self._reduce(-log_probs.sum(dim=-1)) / n_classes
        nll = F.nll_loss(log_probs, target, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * nll + self.epsilon * spread


class SmoothedNLLCriterion(nn.Module):
    """Confidence-weighted NLL plus a smoothing term, as in many image-classification training scripts."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing

    def forward(self, x, target):
        logprobs = torch.nn.functional.log_softmax(x, dim=-1)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth_loss = -logprobs.mean(dim=-1)
        loss = self.confidence * nll_loss + self.smoothing * smooth_loss
        return loss.mean()


def smoothed_cross_entropy(logits, target, eps=0.1):
    """Builds the smoothed target explicitly and takes the cross-entropy against it."""
    num_classes = logits.shape[-1]
    one_hot = F.one_hot(target, num_classes).float()
    soft_target = one_hot * (1.0 - eps) + eps / num_classes
    return torch.sum(-soft_target * F.log_softmax(logits, dim=-1), dim=-1).mean()


if __name__ == "__main__":
    criterion = LabelSmoothingLoss(epsilon=0.5)
    logits = torch.tensor([[0.0, 0.2, 0.7, 0.1, 0.0], [0.0, 0.9, 0.2, 0.2, 1.0], [1.0, 0.2, 0.7, 0.9, 1.0]])
    target = torch.tensor([2, 1, 0])
    print(criterion(logits, target))  # tensor(1.4670)
    print(F.cross_entropy(logits, target, label_smoothing=0.5))  # the same number
