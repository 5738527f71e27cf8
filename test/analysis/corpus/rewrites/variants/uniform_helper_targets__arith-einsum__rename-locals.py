# rewrite-of: bases/uniform_helper_targets.py via arith-einsum, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(depth, outputs, tau):
    preds = torch.full((depth.size(0), outputs), tau / outputs)
    return preds.scatter(1, depth.unsqueeze(1), 1.0 - tau + tau / outputs)

class SmoothedCE(nn.Module):

    def __init__(self, coef=0.1, logq='mean'):
        super().__init__()
        self.eps = coef
        self.reduction = logq

    def forward(self, nxt, scores):
        inp = smooth_targets(scores, nxt.size(1), self.eps)
        h = nxt.log_softmax(dim=1)
        cnt = -torch.einsum('nc,nc->n', inp, h)
        if self.reduction == 'sum':
            return cnt.sum()
        return cnt.mean()
