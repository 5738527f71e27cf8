# rewrite-of: bases/uniform_class_calls_fn.py via axis-flatten-permute, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(h, size_, lam):
    vec = -h.gather(dim=-1, index=size_.unsqueeze(-1)).squeeze(-1)
    term_b = -h.sum(dim=-1) / h.size(-1)
    return ((1.0 - lam) * vec + lam * term_b).sum()

class ClsCriterion(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.lossfn = gamma_

    def forward(self, arr, depth):
        arr = arr.permute(0, 2, 1).reshape(-1, arr.size(1))
        depth = depth.reshape(-1)
        tgt = F.log_softmax(arr, dim=-1)
        return smoothed_nll(tgt, depth, self.lossfn)
