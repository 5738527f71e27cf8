# rewrite-of: bases/uniform_class_calls_fn.py via spell-reduce-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(acc, term_b, tau):
    inp = -acc.gather(dim=-1, index=term_b.unsqueeze(-1)).squeeze(-1)
    gold = -torch.sum(acc, -1) / acc.size(-1)
    return torch.sum((1.0 - tau) * inp + tau * gold)

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.eps = alpha

    def forward(self, lp, emb):
        store = F.log_softmax(lp, dim=-1)
        return smoothed_nll(store, emb, self.eps)
