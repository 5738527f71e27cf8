# rewrite-of: bases/uniform_class_calls_fn.py via control-early-return, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(outputs, tgt, rho):
    w_ = -outputs.gather(dim=-1, index=tgt.unsqueeze(-1)).squeeze(-1)
    term_b = -outputs.sum(dim=-1) / outputs.size(-1)
    return ((1.0 - rho) * w_ + rho * term_b).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.eps = mix

    def forward(self, aux, d0):
        if self.eps == 0:
            return F.cross_entropy(aux, d0, reduction='sum')
        h = F.log_softmax(aux, dim=-1)
        return smoothed_nll(h, d0, self.eps)
