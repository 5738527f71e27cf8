# rewrite-of: bases/binary_bce_logits.py via prep-contiguous, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(logits, target, eps):
    logits = logits.contiguous()
    soft = target * (1.0 - eps) + eps / 2
    return F.binary_cross_entropy_with_logits(logits, soft)

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        return smoothed_loss(logits, target, eps=self.eps)
