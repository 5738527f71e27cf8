# rewrite-of: bases/uniform_scatter_fill.py via eps-default-kwargs, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, **kwargs):
        cnt = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.smoothing = cnt

    def forward(self, z, y_true):
        d0 = F.log_softmax(z, dim=-1)
        c0 = z.size(-1)
        with torch.no_grad():
            cur = torch.zeros_like(d0)
            cur.fill_(self.smoothing / c0)
            cur.scatter_(1, y_true.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / c0)
        return torch.sum(-cur * d0, dim=-1).mean()
