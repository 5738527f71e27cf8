# rewrite-of: bases/uniform_nll_mix.py via import-from-nn-functional, rename-all
import torch
import torch.nn as nn
from torch.nn import functional as F

class HeadLoss(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.strength = beta
        self.red = 1.0 - beta

    def forward(self, outputs, cnt):
        acc = F.log_softmax(outputs, dim=-1)
        width = -acc.gather(dim=-1, index=cnt.unsqueeze(1)).squeeze(1)
        vec = -acc.mean(dim=-1)
        mat = self.red * width + self.strength * vec
        return mat.mean()
