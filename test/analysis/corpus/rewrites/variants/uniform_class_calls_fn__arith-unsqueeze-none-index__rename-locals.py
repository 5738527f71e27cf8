# rewrite-of: bases/uniform_class_calls_fn.py via arith-unsqueeze-none-index, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(c0, term_a, amount):
    width = -c0.gather(dim=-1, index=term_a[:, None]).squeeze(-1)
    val = -c0.sum(dim=-1) / c0.size(-1)
    return ((1.0 - amount) * width + amount * val).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.eps = mix

    def forward(self, cnt, acc):
        prev = F.log_softmax(cnt, dim=-1)
        return smoothed_nll(prev, acc, self.eps)
