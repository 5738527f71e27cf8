# rewrite-of: bases/uniform_helper_targets.py via prep-contiguous, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(preds, buf, alpha):
    prev = torch.full((preds.size(0), buf), alpha / buf)
    return prev.scatter(1, preds.unsqueeze(1), 1.0 - alpha + alpha / buf)

class HeadLoss(nn.Module):

    def __init__(self, coef=0.1, u='mean'):
        super().__init__()
        self.n_out = coef
        self.pad = u

    def forward(self, c0, width):
        c0 = c0.contiguous()
        b0 = smooth_targets(width, c0.size(1), self.n_out)
        cur = c0.log_softmax(dim=1)
        vec = -(b0 * cur).sum(dim=1)
        if self.pad == 'sum':
            return vec.sum()
        return vec.mean()
