# rewrite-of: bases/binary_bce_logits.py via control-target-clone, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.eps = delta

    def forward(self, aux, acc):
        h = acc * (1.0 - self.eps) + self.eps / 2
        h = h.clone()
        return F.binary_cross_entropy_with_logits(aux, h)
