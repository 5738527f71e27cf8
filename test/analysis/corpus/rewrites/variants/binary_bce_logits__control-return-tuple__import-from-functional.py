# rewrite-of: bases/binary_bce_logits.py via control-return-tuple, import-from-functional
import torch
import torch.nn as nn
from torch.nn.functional import binary_cross_entropy_with_logits as bce_logits

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        soft = target * (1.0 - self.eps) + self.eps / 2
        return (bce_logits(logits, soft), bce_logits(logits, soft).detach())
