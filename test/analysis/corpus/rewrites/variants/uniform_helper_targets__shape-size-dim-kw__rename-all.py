# rewrite-of: bases/uniform_helper_targets.py via shape-size-dim-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(part, term_a, coef):
    lp = torch.full((part.size(0), term_a), coef / term_a)
    return lp.scatter(1, part.unsqueeze(1), 1.0 - coef + coef / term_a)

class ClsCriterion(nn.Module):

    def __init__(self, delta=0.1, c0='mean'):
        super().__init__()
        self.beta = delta
        self.n_out = c0

    def forward(self, mat, logq):
        aux = smooth_targets(logq, mat.size(dim=-1), self.beta)
        inp = mat.log_softmax(dim=1)
        width = -(aux * inp).sum(dim=1)
        if self.n_out == 'sum':
            return width.sum()
        return width.mean()
