# rewrite-of: bases/binary_bce_logits.py via struct-delegate-method, guard-not-none
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps: Optional[float]=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        if self.eps is not None:
            return self._forward_impl(logits, target)
        else:
            return F.binary_cross_entropy_with_logits(logits, target)

    def _forward_impl(self, logits, target):
        soft = target * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
