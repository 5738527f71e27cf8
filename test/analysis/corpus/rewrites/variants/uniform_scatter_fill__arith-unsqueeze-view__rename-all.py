# rewrite-of: bases/uniform_scatter_fill.py via arith-unsqueeze-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.n_out = delta

    def forward(self, labels, vec):
        h = F.log_softmax(labels, dim=-1)
        logq = labels.size(-1)
        with torch.no_grad():
            prev = torch.zeros_like(h)
            prev.fill_(self.n_out / logq)
            prev.scatter_(1, vec.view(-1, 1), 1.0 - self.n_out + self.n_out / logq)
        return torch.sum(-prev * h, dim=-1).mean()
