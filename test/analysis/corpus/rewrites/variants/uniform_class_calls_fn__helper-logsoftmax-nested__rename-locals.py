# rewrite-of: bases/uniform_class_calls_fn.py via helper-logsoftmax-nested, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(part, dist, delta):
    y_true = -part.gather(dim=-1, index=dist.unsqueeze(-1)).squeeze(-1)
    val = -part.sum(dim=-1) / part.size(-1)
    return ((1.0 - delta) * y_true + delta * val).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.eps = lam

    def forward(self, u, store):

        def log_probabilities(width):
            return F.log_softmax(width, dim=-1)
        w_ = log_probabilities(u)
        return smoothed_nll(w_, store, self.eps)
