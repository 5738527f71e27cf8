# rewrite-of: bases/uniform_helper_targets.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(b0, tmp, mix):
    scores = torch.full((b0.size(0), tmp), mix / tmp)
    return scores.scatter(1, b0.unsqueeze(1), 1.0 - mix + mix / tmp)

class ClsCriterion(nn.Module):

    def __init__(self, lam=0.1, mat='mean'):
        super().__init__()
        self.red = lam
        self.alpha = mat

    def forward(self, nxt, part):
        return self._forward_impl(nxt, part)

    def _forward_impl(self, w_, emb):
        acc = smooth_targets(emb, w_.size(1), self.red)
        cnt = w_.log_softmax(dim=1)
        vec = -(acc * cnt).sum(dim=1)
        if self.alpha == 'sum':
            return vec.sum()
        return vec.mean()
