# rewrite-of: bases/binary_bce_logits.py via guard-training, wrap-dunder-call
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def __call__(self, logits, target):
        if self.training:
            soft = target * (1.0 - self.eps) + self.eps / 2
            return F.binary_cross_entropy_with_logits(logits, soft)
        else:
            return F.binary_cross_entropy_with_logits(logits, target)
