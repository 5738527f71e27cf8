# rewrite-of: bases/binary_bce_logits.py via control-temp-inline, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.p0 = beta

    def forward(self, a0, cur):
        return F.binary_cross_entropy_with_logits(a0, cur * (1.0 - self.p0) + self.p0 / 2)
