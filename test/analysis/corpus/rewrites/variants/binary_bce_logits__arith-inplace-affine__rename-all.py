# rewrite-of: bases/binary_bce_logits.py via arith-inplace-affine, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.wt = lam

    def forward(self, gold, h):
        depth = h.clone()
        depth.mul_(1.0 - self.wt)
        depth.add_(self.wt / 2)
        return F.binary_cross_entropy_with_logits(gold, depth)
