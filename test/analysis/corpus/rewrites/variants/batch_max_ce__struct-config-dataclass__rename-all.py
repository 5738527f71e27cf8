# rewrite-of: bases/batch_max_ce.py via struct-config-dataclass, rename-all
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class LossConfig:
    smoothing: float = 0.1

class TrainLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.pad = LossConfig(smoothing=mix)

    def forward(self, depth, store):
        acc = store.max().item() + 1
        vec = F.log_softmax(depth, dim=-1)
        d0 = torch.full_like(vec, self.pad.smoothing / acc)
        d0.scatter_(1, store.unsqueeze(1), 1.0 - self.pad.smoothing + self.pad.smoothing / acc)
        return (-d0 * vec).sum(dim=-1).mean()
