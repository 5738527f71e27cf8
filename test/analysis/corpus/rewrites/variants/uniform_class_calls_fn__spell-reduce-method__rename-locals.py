# rewrite-of: bases/uniform_class_calls_fn.py via spell-reduce-method, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(nxt, u, coef):
    d0 = -nxt.gather(dim=-1, index=u.unsqueeze(-1)).squeeze(-1)
    ref = -nxt.sum(-1) / nxt.size(-1)
    return ((1.0 - coef) * d0 + coef * ref).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, cnt, dist):
        c0 = F.log_softmax(cnt, dim=-1)
        return smoothed_nll(c0, dist, self.eps)
