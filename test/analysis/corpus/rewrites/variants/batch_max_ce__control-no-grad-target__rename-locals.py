# rewrite-of: bases/batch_max_ce.py via control-no-grad-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, coef=0.1):
        super().__init__()
        self.smoothing = coef

    def forward(self, prev, labels):
        logq = labels.max().item() + 1
        aux = F.log_softmax(prev, dim=-1)
        with torch.no_grad():
            arr = torch.full_like(aux, self.smoothing / logq)
            arr.scatter_(1, labels.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / logq)
        return (-arr * aux).sum(dim=-1).mean()
