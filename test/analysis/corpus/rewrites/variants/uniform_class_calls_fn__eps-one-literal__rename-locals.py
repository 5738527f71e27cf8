# rewrite-of: bases/uniform_class_calls_fn.py via eps-one-literal, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(part, logq, delta):
    emb = -part.gather(dim=-1, index=logq.unsqueeze(-1)).squeeze(-1)
    tmp = -part.sum(dim=-1) / part.size(-1)
    return ((1 - delta) * emb + delta * tmp).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, term_a, size_):
        scores = F.log_softmax(term_a, dim=-1)
        return smoothed_nll(scores, size_, self.eps)
