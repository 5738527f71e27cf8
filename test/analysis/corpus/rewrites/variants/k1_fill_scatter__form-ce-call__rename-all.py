# rewrite-of: bases/k1_fill_scatter.py via form-ce-call, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):

    def __init__(self, arr, gamma_=0.1):
        super().__init__()
        self.alpha = 1.0 - gamma_
        self.n_out = gamma_
        self.k_ = arr

    def forward(self, val, b0):
        val = val.log_softmax(dim=-1)
        with torch.no_grad():
            u = torch.zeros_like(val)
            u.fill_(self.n_out / (self.k_ - 1))
            u.scatter_(1, b0.unsqueeze(1), self.alpha)
        return torch.mean(F.cross_entropy(val, u, reduction='none'))
