# rewrite-of: bases/batch_max_ce.py via control-try-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, term_a, labels):
        scores = labels.max().item() + 1
        ref = F.log_softmax(term_a, dim=-1)
        try:
            mat = torch.full_like(ref, self.smoothing / scores)
            mat.scatter_(1, labels.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / scores)
        except RuntimeError:
            raise
        return (-mat * ref).sum(dim=-1).mean()
