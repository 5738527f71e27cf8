# rewrite-of: bases/uniform_helper_targets.py via spell-onehot-where, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(term_b, inp, beta):
    term_a = torch.full((term_b.size(0), inp), beta / inp)
    return torch.where(F.one_hot(term_b, term_a.size(-1)).bool(), 1.0 - beta + beta / inp, term_a)

class SmoothedCE(nn.Module):

    def __init__(self, alpha=0.1, tmp='mean'):
        super().__init__()
        self.eps = alpha
        self.reduction = tmp

    def forward(self, u, preds):
        cnt = smooth_targets(preds, u.size(1), self.eps)
        mat = u.log_softmax(dim=1)
        a0 = -(cnt * mat).sum(dim=1)
        if self.reduction == 'sum':
            return a0.sum()
        return a0.mean()
