# rewrite-of: bases/uniform_class_calls_fn.py via arith-negate-mul-neg, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(ref, width, tau):
    dist = ref.gather(dim=-1, index=width.unsqueeze(-1)).squeeze(-1).mul(-1)
    size_ = ref.sum(dim=-1).mul(-1) / ref.size(-1)
    return ((1.0 - tau) * dist + tau * size_).sum()

class ClsCriterion(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.conf = alpha

    def forward(self, u, outputs):
        store = F.log_softmax(u, dim=-1)
        return smoothed_nll(store, outputs, self.conf)
