# rewrite-of: bases/batch_max_ce.py via arith-einsum, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.smoothing = mix

    def forward(self, h, aux):
        u = aux.max().item() + 1
        preds = F.log_softmax(h, dim=-1)
        y_true = torch.full_like(preds, self.smoothing / u)
        y_true.scatter_(1, aux.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / u)
        return (-torch.einsum('nc,nc->n', y_true, preds)).mean()
