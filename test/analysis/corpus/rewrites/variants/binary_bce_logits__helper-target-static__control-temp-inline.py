# rewrite-of: bases/binary_bce_logits.py via helper-target-static, control-temp-inline
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    @staticmethod
    def build_soft_targets(target, eps):
        soft = target * (1.0 - eps) + eps / 2
        return soft

    def forward(self, logits, target):
        return F.binary_cross_entropy_with_logits(logits, self.build_soft_targets(target, self.eps))
