# rewrite-of: bases/binary_bce_logits.py via import-from-torch-nn
import torch
from torch import nn as tnn
import torch.nn.functional as F

class SmoothBCE(tnn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        soft = target * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
