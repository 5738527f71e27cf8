# rewrite-of: bases/uniform_scatter_fill.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_labels

class UniformLabelSmoothing(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        log_probs = F.log_softmax(x, dim=-1)
        num_classes = x.size(-1)
        true_dist = smoothed_labels(log_probs, num_classes, target, self.smoothing)
        return torch.sum(-true_dist * log_probs, dim=-1).mean()
