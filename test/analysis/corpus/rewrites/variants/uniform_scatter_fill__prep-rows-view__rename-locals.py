# rewrite-of: bases/uniform_scatter_fill.py via prep-rows-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.smoothing = gamma_

    def forward(self, cnt, outputs):
        cnt = cnt.view(-1, cnt.size(-1))
        arr = F.log_softmax(cnt, dim=-1)
        depth = cnt.size(-1)
        with torch.no_grad():
            acc = torch.zeros_like(arr)
            acc.fill_(self.smoothing / depth)
            acc.scatter_(1, outputs.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / depth)
        return torch.sum(-acc * arr, dim=-1).mean()
