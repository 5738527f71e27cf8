# rewrite-of: bases/uniform_helper_targets.py via form-ce-call, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(nxt, h, alpha):
    val = torch.full((nxt.size(0), h), alpha / h)
    return val.scatter(1, nxt.unsqueeze(1), 1.0 - alpha + alpha / h)

class HeadLoss(nn.Module):

    def __init__(self, beta=0.1, mat='mean'):
        super().__init__()
        self.wt = beta
        self.crit = mat

    def forward(self, store, lp):
        arr = smooth_targets(lp, store.size(1), self.wt)
        prev = store.log_softmax(dim=1)
        u = F.cross_entropy(store, arr, reduction='none')
        if self.crit == 'sum':
            return u.sum()
        return u.mean()
