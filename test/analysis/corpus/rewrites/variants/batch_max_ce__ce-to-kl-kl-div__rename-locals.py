# rewrite-of: bases/batch_max_ce.py via ce-to-kl-kl-div, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.smoothing = gamma_

    def forward(self, inp, labels):
        acc = labels.max().item() + 1
        tgt = F.log_softmax(inp, dim=-1)
        c0 = torch.full_like(tgt, self.smoothing / acc)
        c0.scatter_(1, labels.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / acc)
        return F.kl_div(tgt, c0, reduction='none').sum(dim=-1).mean()
