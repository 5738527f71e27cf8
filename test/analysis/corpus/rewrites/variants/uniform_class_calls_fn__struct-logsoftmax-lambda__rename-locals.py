# rewrite-of: bases/uniform_class_calls_fn.py via struct-logsoftmax-lambda, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(dist, inp, alpha):
    acc = -dist.gather(dim=-1, index=inp.unsqueeze(-1)).squeeze(-1)
    buf = -dist.sum(dim=-1) / dist.size(-1)
    return ((1.0 - alpha) * acc + alpha * buf).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.eps = gamma_

    def forward(self, b0, d0):
        c0 = lambda s: F.log_softmax(s, dim=-1)
        nxt = c0(b0)
        return smoothed_nll(nxt, d0, self.eps)
