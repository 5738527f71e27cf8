# rewrite-of: bases/uniform_scatter_fill.py via spell-onehot-index-assign, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.smoothing = mix

    def forward(self, cur, buf):
        outputs = F.log_softmax(cur, dim=-1)
        width = cur.size(-1)
        with torch.no_grad():
            ref = torch.zeros_like(outputs)
            ref.fill_(self.smoothing / width)
            ref[torch.arange(ref.size(0)), buf] = 1.0 - self.smoothing + self.smoothing / width
        return torch.sum(-ref * outputs, dim=-1).mean()
