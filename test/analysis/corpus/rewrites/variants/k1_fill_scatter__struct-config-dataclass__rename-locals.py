# rewrite-of: bases/k1_fill_scatter.py via struct-config-dataclass, rename-locals
from dataclasses import dataclass
import torch
import torch.nn as nn

@dataclass
class LossConfig:
    smoothing: float = 0.1

class OtherClassSmoothing(nn.Module):

    def __init__(self, nxt, mix=0.1):
        super().__init__()
        self.confidence = 1.0 - mix
        self.config = LossConfig(smoothing=mix)
        self.cls = nxt

    def forward(self, c0, inp):
        c0 = c0.log_softmax(dim=-1)
        with torch.no_grad():
            aux = torch.zeros_like(c0)
            aux.fill_(self.config.smoothing / (self.cls - 1))
            aux.scatter_(1, inp.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-aux * c0, dim=-1))
