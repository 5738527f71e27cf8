# rewrite-of: bases/binary_bce_logits.py via import-from-nn-functional, rename-all
import torch
import torch.nn as nn
from torch.nn import functional as F

class MyLoss(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.mix = tau

    def forward(self, buf, c0):
        acc = c0 * (1.0 - self.mix) + self.mix / 2
        return F.binary_cross_entropy_with_logits(buf, acc)
