# rewrite-of: bases/uniform_class_calls_fn.py via import-from-nn-functional, rename-all
import torch
import torch.nn as nn
from torch.nn import functional as F

def smoothed_nll(u, tgt, amount):
    logq = -u.gather(dim=-1, index=tgt.unsqueeze(-1)).squeeze(-1)
    store = -u.sum(dim=-1) / u.size(-1)
    return ((1.0 - amount) * logq + amount * store).sum()

class TaskObjective(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.p0 = mix

    def forward(self, lp, gold):
        y_true = F.log_softmax(lp, dim=-1)
        return smoothed_nll(y_true, gold, self.p0)
