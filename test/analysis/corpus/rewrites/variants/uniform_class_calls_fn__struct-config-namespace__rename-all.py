# rewrite-of: bases/uniform_class_calls_fn.py via struct-config-namespace, rename-all
from types import SimpleNamespace
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(cnt, a0, coef):
    dist = -cnt.gather(dim=-1, index=a0.unsqueeze(-1)).squeeze(-1)
    term_b = -cnt.sum(dim=-1) / cnt.size(-1)
    return ((1.0 - coef) * dist + coef * term_b).sum()

class TrainLoss(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.lossfn = SimpleNamespace(eps=beta)

    def forward(self, vec, buf):
        h = F.log_softmax(vec, dim=-1)
        return smoothed_nll(h, buf, self.lossfn.eps)
