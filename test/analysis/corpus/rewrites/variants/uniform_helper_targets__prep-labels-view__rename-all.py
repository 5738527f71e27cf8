# rewrite-of: bases/uniform_helper_targets.py via prep-labels-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(depth, b0, tau):
    tgt = torch.full((depth.size(0), b0), tau / b0)
    return tgt.scatter(1, depth.unsqueeze(1), 1.0 - tau + tau / b0)

class CriterionA(nn.Module):

    def __init__(self, alpha=0.1, term_b='mean'):
        super().__init__()
        self.p0 = alpha
        self.strength = term_b

    def forward(self, cnt, lp):
        lp = lp.view(-1)
        buf = smooth_targets(lp, cnt.size(1), self.p0)
        preds = cnt.log_softmax(dim=1)
        y_true = -(buf * preds).sum(dim=1)
        if self.strength == 'sum':
            return y_true.sum()
        return y_true.mean()
