# rewrite-of: bases/k2_padding_kl.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):

    def __init__(self, u, depth, delta=0.1):
        super().__init__()
        self.strength = u
        self.conf = depth
        self.alpha = delta

    def forward(self, d0, val):
        assert 0 <= self.alpha < 1, 'smoothing must be in [0, 1)'
        store = F.log_softmax(d0, dim=-1)
        tmp = torch.full_like(store, self.alpha / (self.strength - 2))
        tmp.scatter_(1, val.unsqueeze(1), 1.0 - self.alpha)
        tmp[:, self.conf] = 0.0
        tmp.masked_fill_((val == self.conf).unsqueeze(1), 0.0)
        return F.kl_div(store, tmp, reduction='sum')
