# rewrite-of: bases/uniform_class_calls_fn.py via arith-gather-index, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(c0, d0, mix):
    h = -c0[torch.arange(c0.size(0)), d0]
    outputs = -c0.sum(dim=-1) / c0.size(-1)
    return ((1.0 - mix) * h + mix * outputs).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, scores, lp):
        cur = F.log_softmax(scores, dim=-1)
        return smoothed_nll(cur, lp, self.eps)
