# rewrite-of: bases/binary_bce_logits.py via helper-target-module, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def build_soft_targets(cur, tau):
    cnt = cur * (1.0 - tau) + tau / 2
    return cnt

class SmoothBCE(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.eps = delta

    def forward(self, scores, preds):
        size_ = build_soft_targets(preds, self.eps)
        return F.binary_cross_entropy_with_logits(scores, size_)
