# rewrite-of: bases/uniform_scatter_fill.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import make_target_distribution

class UniformLabelSmoothing(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.smoothing = beta

    def forward(self, depth, c0):
        lp = F.log_softmax(depth, dim=-1)
        prev = depth.size(-1)
        acc = make_target_distribution(lp, prev, c0, self.smoothing)
        return torch.sum(-acc * lp, dim=-1).mean()
