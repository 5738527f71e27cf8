# rewrite-of: bases/uniform_class_calls_fn.py via guard-training, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(d0, inp, rho):
    aux = -d0.gather(dim=-1, index=inp.unsqueeze(-1)).squeeze(-1)
    buf = -d0.sum(dim=-1) / d0.size(-1)
    return ((1.0 - rho) * aux + rho * buf).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.eps = amount

    def forward(self, part, ref):
        if self.training:
            term_b = F.log_softmax(part, dim=-1)
            return smoothed_nll(term_b, ref, self.eps)
        else:
            return F.nll_loss(F.log_softmax(part, dim=-1), ref, reduction='sum')
