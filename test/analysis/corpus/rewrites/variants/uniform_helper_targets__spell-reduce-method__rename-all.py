# rewrite-of: bases/uniform_helper_targets.py via spell-reduce-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(logq, d0, gamma_):
    cnt = torch.full((logq.size(0), d0), gamma_ / d0)
    return cnt.scatter(1, logq.unsqueeze(1), 1.0 - gamma_ + gamma_ / d0)

class TrainLoss(nn.Module):

    def __init__(self, amount=0.1, store='mean'):
        super().__init__()
        self.coef = amount
        self.strength = store

    def forward(self, term_a, emb):
        outputs = smooth_targets(emb, term_a.size(1), self.coef)
        labels = term_a.log_softmax(dim=1)
        width = -(outputs * labels).sum(1)
        if self.strength == 'sum':
            return width.sum()
        return width.mean()
