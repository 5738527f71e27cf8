# rewrite-of: bases/binary_bce_logits.py via control-no-grad-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, nxt, b0):
        with torch.no_grad():
            depth = b0 * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(nxt, depth)
