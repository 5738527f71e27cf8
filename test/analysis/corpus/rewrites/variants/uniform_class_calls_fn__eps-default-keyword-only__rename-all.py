# rewrite-of: bases/uniform_class_calls_fn.py via eps-default-keyword-only, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(vec, w_, coef):
    depth = -vec.gather(dim=-1, index=w_.unsqueeze(-1)).squeeze(-1)
    z = -vec.sum(dim=-1) / vec.size(-1)
    return ((1.0 - coef) * depth + coef * z).sum()

class ObjectiveFn(nn.Module):

    def __init__(self, *, tau=0.1):
        super().__init__()
        self.mix = tau

    def forward(self, scores, term_a):
        nxt = F.log_softmax(scores, dim=-1)
        return smoothed_nll(nxt, term_a, self.mix)
