# rewrite-of: bases/batch_max_ce.py via import-from-torch-nn, rename-all
import torch
from torch import nn as tnn
import torch.nn.functional as F

class ObjectiveFn(tnn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.beta = gamma_

    def forward(self, scores, buf):
        y_true = buf.max().item() + 1
        d0 = F.log_softmax(scores, dim=-1)
        logq = torch.full_like(d0, self.beta / y_true)
        logq.scatter_(1, buf.unsqueeze(1), 1.0 - self.beta + self.beta / y_true)
        return (-logq * d0).sum(dim=-1).mean()
