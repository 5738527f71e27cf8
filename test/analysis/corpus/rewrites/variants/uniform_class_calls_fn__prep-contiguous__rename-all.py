# rewrite-of: bases/uniform_class_calls_fn.py via prep-contiguous, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(dist, w_, alpha):
    outputs = -dist.gather(dim=-1, index=w_.unsqueeze(-1)).squeeze(-1)
    vec = -dist.sum(dim=-1) / dist.size(-1)
    return ((1.0 - alpha) * outputs + alpha * vec).sum()

class CriterionA(nn.Module):

    def __init__(self, rho=0.1):
        super().__init__()
        self.n_out = rho

    def forward(self, depth, h):
        depth = depth.contiguous()
        gold = F.log_softmax(depth, dim=-1)
        return smoothed_nll(gold, h, self.n_out)
