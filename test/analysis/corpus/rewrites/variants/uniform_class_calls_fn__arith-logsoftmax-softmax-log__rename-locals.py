# rewrite-of: bases/uniform_class_calls_fn.py via arith-logsoftmax-softmax-log, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(tgt, val, lam):
    vec = -tgt.gather(dim=-1, index=val.unsqueeze(-1)).squeeze(-1)
    h = -tgt.sum(dim=-1) / tgt.size(-1)
    return ((1.0 - lam) * vec + lam * h).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, aux, term_a):
        emb = aux.softmax(dim=-1).log()
        return smoothed_nll(emb, term_a, self.eps)
