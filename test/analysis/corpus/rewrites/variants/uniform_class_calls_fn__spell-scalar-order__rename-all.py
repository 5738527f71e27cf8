# rewrite-of: bases/uniform_class_calls_fn.py via spell-scalar-order, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(w_, vec, tau):
    tmp = -w_.gather(dim=-1, index=vec.unsqueeze(-1)).squeeze(-1)
    nxt = -w_.sum(dim=-1) / w_.size(-1)
    return (tmp * (1.0 - tau) + nxt * tau).sum()

class ObjectiveFn(nn.Module):

    def __init__(self, rho=0.1):
        super().__init__()
        self.coef = rho

    def forward(self, term_a, cnt):
        a0 = F.log_softmax(term_a, dim=-1)
        return smoothed_nll(a0, cnt, self.coef)
