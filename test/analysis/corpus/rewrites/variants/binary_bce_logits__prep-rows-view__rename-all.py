# rewrite-of: bases/binary_bce_logits.py via prep-rows-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.lossfn = amount

    def forward(self, h, w_):
        h = h.view(-1, h.size(-1))
        part = w_ * (1.0 - self.lossfn) + self.lossfn / 2
        return F.binary_cross_entropy_with_logits(h, part)
