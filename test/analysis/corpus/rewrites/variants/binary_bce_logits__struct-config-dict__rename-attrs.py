# rewrite-of: bases/binary_bce_logits.py via struct-config-dict, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.scale_ = {'eps': eps}

    def forward(self, logits, target):
        soft = target * (1.0 - self.scale_['eps']) + self.scale_['eps'] / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
