# rewrite-of: bases/binary_bce_logits.py via struct-classmethod-target
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    @classmethod
    def _smooth_targets(cls, target, eps):
        soft = target * (1.0 - eps) + eps / 2
        return soft

    def forward(self, logits, target):
        soft = self._smooth_targets(target, self.eps)
        return F.binary_cross_entropy_with_logits(logits, soft)
