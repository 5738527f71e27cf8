# rewrite-of: bases/uniform_class_calls_fn.py via spell-logsoftmax-logsumexp, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(buf, a0, gamma_):
    w_ = -buf.gather(dim=-1, index=a0.unsqueeze(-1)).squeeze(-1)
    cur = -buf.sum(dim=-1) / buf.size(-1)
    return ((1.0 - gamma_) * w_ + gamma_ * cur).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.eps = lam

    def forward(self, outputs, acc):
        lp = outputs - outputs.logsumexp(-1, keepdim=True)
        return smoothed_nll(lp, acc, self.eps)
