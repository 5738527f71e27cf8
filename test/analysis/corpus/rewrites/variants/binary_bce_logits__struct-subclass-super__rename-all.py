# rewrite-of: bases/binary_bce_logits.py via struct-subclass-super, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class _SmoothBCEBase(nn.Module):

    def __init__(tgt, mix=0.1):
        super().__init__()
        tgt.eps = mix

    def forward(term_a, labels, arr):
        w_ = arr * (1.0 - term_a.eps) + term_a.eps / 2
        return F.binary_cross_entropy_with_logits(labels, w_)

class CriterionA(_SmoothBCEBase):

    def forward(self, depth, outputs):
        return super().forward(depth, outputs)
