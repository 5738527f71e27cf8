# rewrite-of: bases/uniform_class_calls_fn.py via arith-logsoftmax-module-inline, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(width, inp, delta):
    d0 = -width.gather(dim=-1, index=inp.unsqueeze(-1)).squeeze(-1)
    b0 = -width.sum(dim=-1) / width.size(-1)
    return ((1.0 - delta) * d0 + delta * b0).sum()

class ObjectiveFn(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.conf = beta

    def forward(self, outputs, lp):
        w_ = nn.LogSoftmax(dim=-1)(outputs)
        return smoothed_nll(w_, lp, self.conf)
