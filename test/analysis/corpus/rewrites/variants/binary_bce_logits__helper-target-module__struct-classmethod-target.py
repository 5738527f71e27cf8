# rewrite-of: bases/binary_bce_logits.py via helper-target-module, struct-classmethod-target
import torch
import torch.nn as nn
import torch.nn.functional as F

def _smooth_targets(target, eps):
    soft = target * (1.0 - eps) + eps / 2
    return soft

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    @classmethod
    def make_target_distribution(cls, target, eps):
        soft = _smooth_targets(target, eps)
        return soft

    def forward(self, logits, target):
        soft = self.make_target_distribution(target, self.eps)
        return F.binary_cross_entropy_with_logits(logits, soft)
