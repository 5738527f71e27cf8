# rewrite-of: bases/binary_bce_logits.py via struct-classmethod-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, coef=0.1):
        super().__init__()
        self.eps = coef

    @classmethod
    def smoothed_labels(tgt, inp, alpha):
        lp = inp * (1.0 - alpha) + alpha / 2
        return lp

    def forward(self, vec, ref):
        acc = self.smoothed_labels(ref, self.eps)
        return F.binary_cross_entropy_with_logits(vec, acc)
