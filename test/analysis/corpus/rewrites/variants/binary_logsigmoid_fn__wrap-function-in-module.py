# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-function-in-module
import torch
import torch.nn.functional as F
import torch.nn as nn

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()

class SmoothedBceLossLoss(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, input, target):
        return smoothed_bce_loss(input, target, smoothing=self.smoothing)
