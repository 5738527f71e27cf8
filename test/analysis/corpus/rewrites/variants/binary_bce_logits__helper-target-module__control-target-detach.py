# rewrite-of: bases/binary_bce_logits.py via helper-target-module, control-target-detach
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_labels(target, eps):
    soft = target * (1.0 - eps) + eps / 2
    return soft

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        soft = smoothed_labels(target, self.eps)
        soft = soft.detach()
        return F.binary_cross_entropy_with_logits(logits, soft)
