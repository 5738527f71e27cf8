# rewrite-of: bases/binary_bce_logits.py via struct-config-dataclass, control-no-grad-target
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class LossConfig:
    eps: float = 0.1

class SmoothBCE(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.config = LossConfig(eps=eps)

    def forward(self, logits, target):
        with torch.no_grad():
            soft = target * (1.0 - self.config.eps) + self.config.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
