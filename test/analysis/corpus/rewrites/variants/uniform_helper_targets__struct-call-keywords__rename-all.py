# rewrite-of: bases/uniform_helper_targets.py via struct-call-keywords, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(logq, d0, lam):
    h = torch.full((logq.size(0), d0), lam / d0)
    return h.scatter(1, logq.unsqueeze(1), 1.0 - lam + lam / d0)

class TaskObjective(nn.Module):

    def __init__(self, alpha=0.1, acc='mean'):
        super().__init__()
        self.mode_ = alpha
        self.n_out = acc

    def forward(self, w_, ref):
        tgt = smooth_targets(ref, d0=w_.size(1), lam=self.mode_)
        outputs = w_.log_softmax(dim=1)
        c0 = -(tgt * outputs).sum(dim=1)
        if self.n_out == 'sum':
            return c0.sum()
        return c0.mean()
