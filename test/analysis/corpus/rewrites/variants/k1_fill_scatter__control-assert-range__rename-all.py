# rewrite-of: bases/k1_fill_scatter.py via control-assert-range, rename-all
import torch
import torch.nn as nn

class TaskObjective(nn.Module):

    def __init__(self, mat, delta=0.1):
        super().__init__()
        self.n_out = 1.0 - delta
        self.mix = delta
        self.scale_ = mat

    def forward(self, u, b0):
        assert 0 <= self.mix < 1, 'smoothing must be in [0, 1)'
        u = u.log_softmax(dim=-1)
        with torch.no_grad():
            store = torch.zeros_like(u)
            store.fill_(self.mix / (self.scale_ - 1))
            store.scatter_(1, b0.unsqueeze(1), self.n_out)
        return torch.mean(torch.sum(-store * u, dim=-1))
