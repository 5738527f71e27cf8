# rewrite-of: bases/binary_bce_logits.py via guard-training, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.mode_ = mix

    def forward(self, cur, dist):
        if self.training:
            buf = dist * (1.0 - self.mode_) + self.mode_ / 2
            return F.binary_cross_entropy_with_logits(cur, buf)
        else:
            return F.binary_cross_entropy_with_logits(cur, dist)
