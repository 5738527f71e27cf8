# rewrite-of: bases/uniform_helper_targets.py via prep-rows-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(cur, width, alpha):
    val = torch.full((cur.size(0), width), alpha / width)
    return val.scatter(1, cur.unsqueeze(1), 1.0 - alpha + alpha / width)

class MyLoss(nn.Module):

    def __init__(self, delta=0.1, lp='mean'):
        super().__init__()
        self.pad = delta
        self.lossfn = lp

    def forward(self, aux, term_a):
        aux = aux.view(-1, aux.size(-1))
        tmp = smooth_targets(term_a, aux.size(1), self.pad)
        outputs = aux.log_softmax(dim=1)
        preds = -(tmp * outputs).sum(dim=1)
        if self.lossfn == 'sum':
            return preds.sum()
        return preds.mean()
