# rewrite-of: bases/batch_max_ce.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.smoothing = rho

    def forward(self, aux, w_):
        outputs = w_.max().item() + 1
        b0 = F.log_softmax(aux, dim=-1)
        size_ = torch.full_like(b0, self.smoothing / outputs)
        size_.scatter_(1, w_.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / outputs)
        return (-size_ * b0).sum(dim=-1).mean()
