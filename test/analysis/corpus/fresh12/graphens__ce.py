# source: JoonHyung-Park/GraphENS/losses/ce.py@2655a00b48036a8b031e3da5ecf928e93d5e04c4
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

class CrossEntropy(nn.Module):
    def __init__(self):
        super(CrossEntropy, self).__init__()

    def forward(self, input, target, weight=None, reduction='mean'):
        return F.cross_entropy(input, target, weight=weight, reduction=reduction)