# rewrite-of: bases/batch_max_ce.py via ce-to-kl-xlogy, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, depth, gold):
        y_true = gold.max().item() + 1
        val = F.log_softmax(depth, dim=-1)
        term_b = torch.full_like(val, self.smoothing / y_true)
        term_b.scatter_(1, gold.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / y_true)
        return (torch.xlogy(term_b, term_b) - term_b * val).sum(dim=-1).mean()
