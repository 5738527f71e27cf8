# rewrite-of: bases/binary_bce_logits.py via wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SmoothBCE(nn.Module):

    def __init__(self, eps: float=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        soft = target * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
