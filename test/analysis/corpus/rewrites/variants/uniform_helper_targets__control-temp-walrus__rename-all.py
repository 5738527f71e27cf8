# rewrite-of: bases/uniform_helper_targets.py via control-temp-walrus, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(z, part, beta):
    cnt = torch.full((z.size(0), part), beta / part)
    return cnt.scatter(1, z.unsqueeze(1), 1.0 - beta + beta / part)

class TrainLoss(nn.Module):

    def __init__(self, lam=0.1, width='mean'):
        super().__init__()
        self.scale_ = lam
        self.strength = width

    def forward(self, term_b, tgt):
        nxt = smooth_targets(tgt, term_b.size(1), self.scale_)
        prev = -(nxt * (gold := term_b.log_softmax(dim=1))).sum(dim=1)
        if self.strength == 'sum':
            return prev.sum()
        return prev.mean()
