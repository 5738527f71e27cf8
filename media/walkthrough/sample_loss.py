"""A label-smoothing loss as people write it. Rest the mouse on the class name, then on the torch call at the end."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmoothedCrossEntropy(nn.Module):
    """The true class gets 1 - eps; eps is spread over the K - 1 other classes."""

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        k = logits.size(-1)
        log_p = F.log_softmax(logits, dim=-1)
        with torch.no_grad():
            q = torch.full_like(log_p, self.eps / (k - 1))
            q.scatter_(1, target.unsqueeze(1), 1.0 - self.eps)
        return torch.mean(torch.sum(-q * log_p, dim=-1))


# PyTorch spreads eps over all K classes instead: a different target for the same eps.
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
