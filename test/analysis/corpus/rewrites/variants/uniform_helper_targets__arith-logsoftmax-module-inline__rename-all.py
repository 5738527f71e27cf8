# rewrite-of: bases/uniform_helper_targets.py via arith-logsoftmax-module-inline, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(preds, u, beta):
    logq = torch.full((preds.size(0), u), beta / u)
    return logq.scatter(1, preds.unsqueeze(1), 1.0 - beta + beta / u)

class CriterionA(nn.Module):

    def __init__(self, mix=0.1, vec='mean'):
        super().__init__()
        self.p0 = mix
        self.lossfn = vec

    def forward(self, c0, gold):
        cnt = smooth_targets(gold, c0.size(1), self.p0)
        y_true = nn.LogSoftmax(dim=1)(c0)
        h = -(cnt * y_true).sum(dim=1)
        if self.lossfn == 'sum':
            return h.sum()
        return h.mean()
