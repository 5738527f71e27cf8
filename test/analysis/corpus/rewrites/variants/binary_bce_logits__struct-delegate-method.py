# rewrite-of: bases/binary_bce_logits.py via struct-delegate-method
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        return self.loss_terms(logits, target)

    def loss_terms(self, logits, target):
        soft = target * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
