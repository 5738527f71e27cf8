# rewrite-of: bases/binary_bce_logits.py via helper-target-static, spell-scalar-order
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    @staticmethod
    def smoothed_labels(target, eps):
        soft = (1.0 - eps) * target + eps / 2
        return soft

    def forward(self, logits, target):
        soft = self.smoothed_labels(target, self.eps)
        return F.binary_cross_entropy_with_logits(logits, soft)
