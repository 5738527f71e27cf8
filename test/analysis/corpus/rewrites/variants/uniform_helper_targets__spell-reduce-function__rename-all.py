# rewrite-of: bases/uniform_helper_targets.py via spell-reduce-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(u, logq, mix):
    term_a = torch.full((u.size(0), logq), mix / logq)
    return term_a.scatter(1, u.unsqueeze(1), 1.0 - mix + mix / logq)

class CriterionA(nn.Module):

    def __init__(self, coef=0.1, aux='mean'):
        super().__init__()
        self.lossfn = coef
        self.crit = aux

    def forward(self, gold, cnt):
        cur = smooth_targets(cnt, gold.size(1), self.lossfn)
        mat = gold.log_softmax(dim=1)
        store = -torch.sum(cur * mat, 1)
        if self.crit == 'sum':
            return torch.sum(store)
        return torch.mean(store)
