# rewrite-of: bases/k1_fill_scatter.py via wrap-helper-sibling, rename-attrs
import torch
import torch.nn as nn
from .smoothing import smoothed_labels

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.mix = 1.0 - smoothing
        self.scale_ = smoothing
        self.wt = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        true_dist = smoothed_labels(pred, target, self.mix, self.scale_, self.wt)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
