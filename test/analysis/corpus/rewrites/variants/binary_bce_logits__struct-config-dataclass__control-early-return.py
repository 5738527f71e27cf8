# rewrite-of: bases/binary_bce_logits.py via struct-config-dataclass, control-early-return
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
        self.cfg = SmoothingConfig(eps=eps)

    def forward(self, logits, target):
        if self.cfg.eps == 0:
            return F.binary_cross_entropy_with_logits(logits, target)
        soft = target * (1.0 - self.cfg.eps) + self.cfg.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
