# rewrite-of: bases/uniform_helper_targets.py via prep-rows-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(scores, d0, beta):
    cur = torch.full((scores.size(0), d0), beta / d0)
    return cur.scatter(1, scores.unsqueeze(1), 1.0 - beta + beta / d0)

class SmoothedCE(nn.Module):

    def __init__(self, amount=0.1, nxt='mean'):
        super().__init__()
        self.eps = amount
        self.reduction = nxt

    def forward(self, part, b0):
        part = part.view(-1, part.size(-1))
        val = smooth_targets(b0, part.size(1), self.eps)
        tgt = part.log_softmax(dim=1)
        emb = -(val * tgt).sum(dim=1)
        if self.reduction == 'sum':
            return emb.sum()
        return emb.mean()
