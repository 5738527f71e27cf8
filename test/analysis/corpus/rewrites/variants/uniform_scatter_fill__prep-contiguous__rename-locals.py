# rewrite-of: bases/uniform_scatter_fill.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.smoothing = delta

    def forward(self, aux, depth):
        aux = aux.contiguous()
        z = F.log_softmax(aux, dim=-1)
        w_ = aux.size(-1)
        with torch.no_grad():
            arr = torch.zeros_like(z)
            arr.fill_(self.smoothing / w_)
            arr.scatter_(1, depth.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / w_)
        return torch.sum(-arr * z, dim=-1).mean()
