# rewrite-of: bases/from_annotated_transformer.py via prep-classes-list, wrap-helper-sibling
import torch
import torch.nn as nn
from .smoothing import build_soft_targets

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, classes, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None
        self.classes = list(classes)

    def forward(self, x, target):
        assert len(self.classes) == self.size
        true_dist = build_soft_targets(x, target, self.smoothing, self.size, self.confidence, self.padding_idx)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())
