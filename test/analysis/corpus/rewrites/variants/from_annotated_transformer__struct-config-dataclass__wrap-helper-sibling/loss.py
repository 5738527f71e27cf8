# rewrite-of: bases/from_annotated_transformer.py via struct-config-dataclass, wrap-helper-sibling
from dataclasses import dataclass
import torch
import torch.nn as nn
from .smoothing import smoothed_labels

@dataclass
class SmoothingConfig:
    smoothing: float = 0.0

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.hparams = SmoothingConfig(smoothing=smoothing)
        self.size = size
        self.true_dist = None

    def forward(self, x, target):
        assert x.size(1) == self.size
        true_dist = smoothed_labels(x, target, self.hparams, self.size, self.confidence, self.padding_idx)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())
