# rewrite-of: bases/binary_bce_logits.py via helper-target-nested, struct-config-dataclass
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class SmoothingConfig:
    eps: float = 0.1

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.config = SmoothingConfig(eps=eps)

    def forward(self, logits, target):

        def _smooth_targets(target):
            soft = target * (1.0 - self.config.eps) + self.config.eps / 2
            return soft
        soft = _smooth_targets(target)
        return F.binary_cross_entropy_with_logits(logits, soft)
