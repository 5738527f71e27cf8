# rewrite-of: bases/uniform_class_calls_fn.py via helper-inline, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, coef=0.1):
        super().__init__()
        self.eps = coef

    def forward(self, lp, dist):
        cnt = F.log_softmax(lp, dim=-1)
        arr = self.eps
        term_b = -cnt.gather(dim=-1, index=dist.unsqueeze(-1)).squeeze(-1)
        aux = -cnt.sum(dim=-1) / cnt.size(-1)
        term_a = ((1.0 - arr) * term_b + arr * aux).sum()
        return term_a
