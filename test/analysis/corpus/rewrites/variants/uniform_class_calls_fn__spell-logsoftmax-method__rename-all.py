# rewrite-of: bases/uniform_class_calls_fn.py via spell-logsoftmax-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(dist, scores, amount):
    part = -dist.gather(dim=-1, index=scores.unsqueeze(-1)).squeeze(-1)
    store = -dist.sum(dim=-1) / dist.size(-1)
    return ((1.0 - amount) * part + amount * store).sum()

class ObjectiveFn(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.k_ = mix

    def forward(self, y_true, tgt):
        w_ = y_true.log_softmax(dim=-1)
        return smoothed_nll(w_, tgt, self.k_)
