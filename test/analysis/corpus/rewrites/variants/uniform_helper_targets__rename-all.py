# rewrite-of: bases/uniform_helper_targets.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(vec, tmp, beta):
    nxt = torch.full((vec.size(0), tmp), beta / tmp)
    return nxt.scatter(1, vec.unsqueeze(1), 1.0 - beta + beta / tmp)

class CriterionA(nn.Module):

    def __init__(self, delta=0.1, term_a='mean'):
        super().__init__()
        self.mode_ = delta
        self.alpha = term_a

    def forward(self, prev, gold):
        buf = smooth_targets(gold, prev.size(1), self.mode_)
        store = prev.log_softmax(dim=1)
        inp = -(buf * store).sum(dim=1)
        if self.alpha == 'sum':
            return inp.sum()
        return inp.mean()
