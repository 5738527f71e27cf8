# rewrite-of: bases/binary_bce_logits.py via wrap-annotations, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SmoothBCE(nn.Module):

    def __init__(self, alpha: float=0.1):
        super().__init__()
        self.eps = alpha

    def forward(self, store: Tensor, nxt: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        tmp = nxt * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(store, tmp)
