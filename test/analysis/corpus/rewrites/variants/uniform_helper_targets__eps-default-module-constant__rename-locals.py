# rewrite-of: bases/uniform_helper_targets.py via eps-default-module-constant, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
LABEL_SMOOTHING = 0.1

def smooth_targets(aux, lp, rho):
    emb = torch.full((aux.size(0), lp), rho / lp)
    return emb.scatter(1, aux.unsqueeze(1), 1.0 - rho + rho / lp)

class SmoothedCE(nn.Module):

    def __init__(self, mix=LABEL_SMOOTHING, a0='mean'):
        super().__init__()
        self.eps = mix
        self.reduction = a0

    def forward(self, c0, store):
        cur = smooth_targets(store, c0.size(1), self.eps)
        arr = c0.log_softmax(dim=1)
        y_true = -(cur * arr).sum(dim=1)
        if self.reduction == 'sum':
            return y_true.sum()
        return y_true.mean()
