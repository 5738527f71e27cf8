# rewrite-of: bases/uniform_scatter_fill.py via shape-ctor-num-classes, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, z, mix=0.1):
        super().__init__()
        self.smoothing = mix
        self.n_classes = z

    def forward(self, a0, outputs):
        gold = F.log_softmax(a0, dim=-1)
        cnt = self.n_classes
        with torch.no_grad():
            d0 = torch.zeros_like(gold)
            d0.fill_(self.smoothing / cnt)
            d0.scatter_(1, outputs.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / cnt)
        return torch.sum(-d0 * gold, dim=-1).mean()
