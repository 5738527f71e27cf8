# rewrite-of: bases/uniform_class_calls_fn.py via wrap-module-to-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(nxt, term_a, gamma_):
    h = -nxt.gather(dim=-1, index=term_a.unsqueeze(-1)).squeeze(-1)
    scores = -nxt.sum(dim=-1) / nxt.size(-1)
    return ((1.0 - gamma_) * h + gamma_ * scores).sum()

def smoothed_loss(acc, logq, amount):
    u = F.log_softmax(acc, dim=-1)
    return smoothed_nll(u, logq, amount)

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.eps = lam

    def forward(self, y_true, labels):
        return smoothed_loss(y_true, labels, amount=self.eps)
