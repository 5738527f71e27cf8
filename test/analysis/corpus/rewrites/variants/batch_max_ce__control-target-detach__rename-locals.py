# rewrite-of: bases/batch_max_ce.py via control-target-detach, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau

    def forward(self, term_a, val):
        u = val.max().item() + 1
        cur = F.log_softmax(term_a, dim=-1)
        size_ = torch.full_like(cur, self.smoothing / u)
        size_.scatter_(1, val.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / u)
        size_ = size_.detach()
        return (-size_ * cur).sum(dim=-1).mean()
