# rewrite-of: bases/binary_bce_logits.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.eps = lam

    def forward(self, gold, cur):
        gold = gold.contiguous()
        depth = cur * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(gold, depth)
