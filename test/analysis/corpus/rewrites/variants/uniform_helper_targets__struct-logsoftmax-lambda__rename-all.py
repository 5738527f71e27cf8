# rewrite-of: bases/uniform_helper_targets.py via struct-logsoftmax-lambda, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(scores, d0, rho):
    mat = torch.full((scores.size(0), d0), rho / d0)
    return mat.scatter(1, scores.unsqueeze(1), 1.0 - rho + rho / d0)

class TrainLoss(nn.Module):

    def __init__(self, beta=0.1, ref='mean'):
        super().__init__()
        self.crit = beta
        self.mode_ = ref

    def forward(self, tmp, vec):
        dist = lambda v: F.log_softmax(v, dim=1)
        emb = smooth_targets(vec, tmp.size(1), self.crit)
        h = dist(tmp)
        acc = -(emb * h).sum(dim=1)
        if self.mode_ == 'sum':
            return acc.sum()
        return acc.mean()
