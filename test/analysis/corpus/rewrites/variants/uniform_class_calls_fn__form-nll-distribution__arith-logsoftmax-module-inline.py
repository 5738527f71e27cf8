# rewrite-of: bases/uniform_class_calls_fn.py via form-nll-distribution, arith-logsoftmax-module-inline
from torch.distributions import Categorical
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(lprobs, target, eps):
    nll = -Categorical(logits=lprobs).log_prob(target)
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, net_output, target):
        lprobs = nn.LogSoftmax(dim=-1)(net_output)
        return smoothed_nll(lprobs, target, self.eps)
