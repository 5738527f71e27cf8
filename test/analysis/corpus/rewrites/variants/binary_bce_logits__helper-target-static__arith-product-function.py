# rewrite-of: bases/binary_bce_logits.py via helper-target-static, arith-product-function
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    @staticmethod
    def make_target_distribution(target, eps):
        soft = torch.mul(target, 1.0 - eps) + eps / 2
        return soft

    def forward(self, logits, target):
        soft = self.make_target_distribution(target, self.eps)
        return F.binary_cross_entropy_with_logits(logits, soft)
