# rewrite-of: bases/uniform_scatter_fill.py via spell-reduce-method-kw, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.smoothing = delta

    def forward(self, size_, gold):
        d0 = F.log_softmax(size_, dim=-1)
        acc = size_.size(-1)
        with torch.no_grad():
            arr = torch.zeros_like(d0)
            arr.fill_(self.smoothing / acc)
            arr.scatter_(1, gold.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / acc)
        return (-arr * d0).sum(dim=-1).mean()
