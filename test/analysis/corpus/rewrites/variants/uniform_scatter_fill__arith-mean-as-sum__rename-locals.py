# rewrite-of: bases/uniform_scatter_fill.py via arith-mean-as-sum, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau

    def forward(self, c0, mat):
        nxt = F.log_softmax(c0, dim=-1)
        scores = c0.size(-1)
        with torch.no_grad():
            b0 = torch.zeros_like(nxt)
            b0.fill_(self.smoothing / scores)
            b0.scatter_(1, mat.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / scores)
        a0 = torch.sum(-b0 * nxt, dim=-1)
        return a0.sum() / a0.numel()
