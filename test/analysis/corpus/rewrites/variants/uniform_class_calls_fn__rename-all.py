# rewrite-of: bases/uniform_class_calls_fn.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(z, term_b, rho):
    nxt = -z.gather(dim=-1, index=term_b.unsqueeze(-1)).squeeze(-1)
    depth = -z.sum(dim=-1) / z.size(-1)
    return ((1.0 - rho) * nxt + rho * depth).sum()

class MyLoss(nn.Module):

    def __init__(self, delta=0.1):
        super().__init__()
        self.beta = delta

    def forward(self, cur, tmp):
        prev = F.log_softmax(cur, dim=-1)
        return smoothed_nll(prev, tmp, self.beta)
