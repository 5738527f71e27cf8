# rewrite-of: bases/uniform_helper_targets.py via control-early-return, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(cur, width, rho):
    h = torch.full((cur.size(0), width), rho / width)
    return h.scatter(1, cur.unsqueeze(1), 1.0 - rho + rho / width)

class CriterionA(nn.Module):

    def __init__(self, lam=0.1, labels='mean'):
        super().__init__()
        self.k_ = lam
        self.conf = labels

    def forward(self, ref, w_):
        if self.k_ == 0:
            return F.cross_entropy(ref, w_, reduction=self.conf)
        emb = smooth_targets(w_, ref.size(1), self.k_)
        inp = ref.log_softmax(dim=1)
        buf = -(emb * inp).sum(dim=1)
        if self.conf == 'sum':
            return buf.sum()
        return buf.mean()
