# rewrite-of: bases/uniform_class_calls_fn.py via struct-logsoftmax-module, form-nll-call
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(lprobs, target, eps):
    nll = F.nll_loss(lprobs, target, reduction='none')
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps
        self.lsm = nn.LogSoftmax(dim=-1)

    def forward(self, net_output, target):
        lprobs = self.lsm(net_output)
        return smoothed_nll(lprobs, target, self.eps)
