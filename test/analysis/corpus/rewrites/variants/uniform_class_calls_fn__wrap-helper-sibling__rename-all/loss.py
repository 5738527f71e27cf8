# rewrite-of: bases/uniform_class_calls_fn.py via wrap-helper-sibling, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_nll

class ObjectiveFn(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.mix = alpha

    def forward(self, mat, depth):
        lp = F.log_softmax(mat, dim=-1)
        return smoothed_nll(lp, depth, self.mix)
