# rewrite-of: bases/binary_bce_logits.py via struct-config-dataclass, wrap-helper-sibling
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import make_target_distribution

@dataclass
class SmoothingConfig:
    eps: float = 0.1

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.cfg = SmoothingConfig(eps=eps)

    def forward(self, logits, target):
        soft = make_target_distribution(target, self.cfg)
        return F.binary_cross_entropy_with_logits(logits, soft)
