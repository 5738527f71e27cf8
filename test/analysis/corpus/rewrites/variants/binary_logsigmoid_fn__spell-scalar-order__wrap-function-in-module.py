# rewrite-of: bases/binary_logsigmoid_fn.py via spell-scalar-order, wrap-function-in-module
import torch
import torch.nn.functional as F
import torch.nn as nn

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = (1 - smoothing) * labels + smoothing * 0.5
    pos = F.logsigmoid(logits) * y
    neg = F.logsigmoid(-logits) * (1 - y)
    return -(pos + neg).sum()

class SmoothedBceLossLoss(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, input, target):
        return smoothed_bce_loss(input, target, smoothing=self.smoothing)
