# rewrite-of: bases/uniform_helper_targets.py via import-from-nn-functional, rename-all
import torch
import torch.nn as nn
from torch.nn import functional as F

def smooth_targets(u, cur, mix):
    inp = torch.full((u.size(0), cur), mix / cur)
    return inp.scatter(1, u.unsqueeze(1), 1.0 - mix + mix / cur)

class TaskObjective(nn.Module):

    def __init__(self, coef=0.1, tmp='mean'):
        super().__init__()
        self.beta = coef
        self.lossfn = tmp

    def forward(self, tgt, term_a):
        depth = smooth_targets(term_a, tgt.size(1), self.beta)
        preds = tgt.log_softmax(dim=1)
        lp = -(depth * preds).sum(dim=1)
        if self.lossfn == 'sum':
            return lp.sum()
        return lp.mean()
