# rewrite-of: bases/k1_fill_scatter.py via prep-rows-view, wrap-helper-sibling
import torch
import torch.nn as nn
from .smoothing import _smooth_targets

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        pred = pred.view(-1, pred.size(-1))
        pred = pred.log_softmax(dim=-1)
        true_dist = _smooth_targets(pred, target, self.confidence, self.smoothing, self.cls)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
