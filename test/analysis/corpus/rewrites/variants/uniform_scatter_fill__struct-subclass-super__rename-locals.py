# rewrite-of: bases/uniform_scatter_fill.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class _UniformLabelSmoothingBase(nn.Module):

    def __init__(labels, beta=0.1):
        super().__init__()
        labels.smoothing = beta

    def forward(dist, prev, gold):
        vec = F.log_softmax(prev, dim=-1)
        tmp = prev.size(-1)
        with torch.no_grad():
            c0 = torch.zeros_like(vec)
            c0.fill_(dist.smoothing / tmp)
            c0.scatter_(1, gold.unsqueeze(1), 1.0 - dist.smoothing + dist.smoothing / tmp)
        return torch.sum(-c0 * vec, dim=-1).mean()

class UniformLabelSmoothing(_UniformLabelSmoothingBase):

    def forward(self, a0, tgt):
        return super().forward(a0, tgt)
