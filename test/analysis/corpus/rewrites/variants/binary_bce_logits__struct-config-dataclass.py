# rewrite-of: bases/binary_bce_logits.py via struct-config-dataclass
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
        self.hparams = LossConfig(eps=eps)

    def forward(self, logits, target):
        soft = target * (1.0 - self.hparams.eps) + self.hparams.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
