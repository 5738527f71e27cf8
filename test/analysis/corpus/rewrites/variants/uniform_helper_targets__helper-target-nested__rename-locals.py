# rewrite-of: bases/uniform_helper_targets.py via helper-target-nested, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(tmp, acc, rho):
    y_true = torch.full((tmp.size(0), acc), rho / acc)
    return y_true.scatter(1, tmp.unsqueeze(1), 1.0 - rho + rho / acc)

class SmoothedCE(nn.Module):

    def __init__(self, delta=0.1, logq='mean'):
        super().__init__()
        self.eps = delta
        self.reduction = logq

    def forward(self, c0, aux):

        def smoothed_labels(term_a, inp):
            labels = smooth_targets(term_a, inp.size(1), self.eps)
            return labels
        u = smoothed_labels(aux, c0)
        preds = c0.log_softmax(dim=1)
        d0 = -(u * preds).sum(dim=1)
        if self.reduction == 'sum':
            return d0.sum()
        return d0.mean()
