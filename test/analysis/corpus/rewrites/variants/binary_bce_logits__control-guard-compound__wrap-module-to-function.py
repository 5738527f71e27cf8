# rewrite-of: bases/binary_bce_logits.py via control-guard-compound, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(logits, target, training, eps):
    if training and eps > 0:
        soft = target * (1.0 - eps) + eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
    return F.binary_cross_entropy_with_logits(logits, target)

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        return smoothed_loss(logits, target, training=self.training, eps=self.eps)
