# rewrite-of: bases/uniform_class_calls_fn.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_nll

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, net_output, target):
        lprobs = F.log_softmax(net_output, dim=-1)
        return smoothed_nll(lprobs, target, self.eps)
