# rewrite-of: bases/uniform_class_calls_fn.py via control-label-cast, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(nxt, val, coef):
    aux = -nxt.gather(dim=-1, index=val.unsqueeze(-1)).squeeze(-1)
    logq = -nxt.sum(dim=-1) / nxt.size(-1)
    return ((1.0 - coef) * aux + coef * logq).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.eps = alpha

    def forward(self, arr, c0):
        c0 = c0.long()
        cur = F.log_softmax(arr, dim=-1)
        return smoothed_nll(cur, c0, self.eps)
