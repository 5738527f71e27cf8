# rewrite-of: bases/uniform_class_calls_fn.py via struct-plain-class, wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_nll

class SmoothedNLLCriterion:

    def __init__(self, eps=0.1):
        self.eps = eps

    def __call__(self, net_output, target):
        lprobs = F.log_softmax(net_output, dim=-1)
        return smoothed_nll(lprobs, target, self.eps)
