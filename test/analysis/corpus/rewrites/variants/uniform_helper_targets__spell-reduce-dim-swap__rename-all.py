# rewrite-of: bases/uniform_helper_targets.py via spell-reduce-dim-swap, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(cnt, nxt, beta):
    arr = torch.full((cnt.size(0), nxt), beta / nxt)
    return arr.scatter(1, cnt.unsqueeze(1), 1.0 - beta + beta / nxt)

class HeadLoss(nn.Module):

    def __init__(self, tau=0.1, a0='mean'):
        super().__init__()
        self.conf = tau
        self.lossfn = a0

    def forward(self, logq, emb):
        dist = smooth_targets(emb, logq.size(1), self.conf)
        b0 = logq.log_softmax(dim=1)
        tgt = -(dist * b0).sum(dim=-1)
        if self.lossfn == 'sum':
            return tgt.sum()
        return tgt.mean()
