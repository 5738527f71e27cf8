# rewrite-of: bases/uniform_helper_targets.py via control-return-tuple, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(size_, gold, mix):
    y_true = torch.full((size_.size(0), gold), mix / gold)
    return y_true.scatter(1, size_.unsqueeze(1), 1.0 - mix + mix / gold)

class TrainLoss(nn.Module):

    def __init__(self, coef=0.1, scores='mean'):
        super().__init__()
        self.beta = coef
        self.k_ = scores

    def forward(self, aux, logq):
        mat = smooth_targets(logq, aux.size(1), self.beta)
        tgt = aux.log_softmax(dim=1)
        val = -(mat * tgt).sum(dim=1)
        if self.k_ == 'sum':
            return (val.sum(), val.sum().detach())
        return (val.mean(), val.mean().detach())
