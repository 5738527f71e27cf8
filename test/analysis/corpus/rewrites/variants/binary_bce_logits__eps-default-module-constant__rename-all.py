# rewrite-of: bases/binary_bce_logits.py via eps-default-module-constant, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
SMOOTHING = 0.1

class TrainLoss(nn.Module):

    def __init__(self, alpha=SMOOTHING):
        super().__init__()
        self.n_out = alpha

    def forward(self, ref, acc):
        val = acc * (1.0 - self.n_out) + self.n_out / 2
        return F.binary_cross_entropy_with_logits(ref, val)
