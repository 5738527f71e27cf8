# rewrite-of: bases/k1_fill_scatter.py via wrap-helper-sibling
import torch
import torch.nn as nn
from .smoothing import make_target_distribution

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        true_dist = make_target_distribution(pred, target, self.confidence, self.smoothing, self.cls)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
