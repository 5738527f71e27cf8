# rewrite-of: bases/uniform_class_calls_fn.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(width, store, lam):
    gold = -width.gather(dim=-1, index=store.unsqueeze(-1)).squeeze(-1)
    inp = -width.sum(dim=-1) / width.size(-1)
    return ((1.0 - lam) * gold + lam * inp).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.eps = beta

    def forward(self, h, dist):
        w_ = F.log_softmax(h, dim=-1)
        return smoothed_nll(w_, dist, self.eps)
