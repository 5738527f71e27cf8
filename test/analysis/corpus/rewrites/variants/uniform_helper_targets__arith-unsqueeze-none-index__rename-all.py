# rewrite-of: bases/uniform_helper_targets.py via arith-unsqueeze-none-index, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(lp, acc, coef):
    gold = torch.full((lp.size(0), acc), coef / acc)
    return gold.scatter(1, lp[:, None], 1.0 - coef + coef / acc)

class ClsCriterion(nn.Module):

    def __init__(self, delta=0.1, tgt='mean'):
        super().__init__()
        self.beta = delta
        self.pad = tgt

    def forward(self, d0, vec):
        term_a = smooth_targets(vec, d0.size(1), self.beta)
        depth = d0.log_softmax(dim=1)
        z = -(term_a * depth).sum(dim=1)
        if self.pad == 'sum':
            return z.sum()
        return z.mean()
