# rewrite-of: bases/uniform_helper_targets.py via shape-shape-1, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(preds, gold, beta):
    tmp = torch.full((preds.size(0), gold), beta / gold)
    return tmp.scatter(1, preds.unsqueeze(1), 1.0 - beta + beta / gold)

class SmoothedCE(nn.Module):

    def __init__(self, rho=0.1, vec='mean'):
        super().__init__()
        self.eps = rho
        self.reduction = vec

    def forward(self, w_, cnt):
        tgt = smooth_targets(cnt, w_.shape[1], self.eps)
        b0 = w_.log_softmax(dim=1)
        width = -(tgt * b0).sum(dim=1)
        if self.reduction == 'sum':
            return width.sum()
        return width.mean()
