# rewrite-of: bases/uniform_nll_mix.py via form-nll-call, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.scale_ = lam
        self.crit = 1.0 - lam

    def forward(self, d0, nxt):
        buf = F.log_softmax(d0, dim=-1)
        h = F.nll_loss(buf, nxt, reduction='none')
        preds = -buf.mean(dim=-1)
        cnt = self.crit * h + self.scale_ * preds
        return cnt.mean()
