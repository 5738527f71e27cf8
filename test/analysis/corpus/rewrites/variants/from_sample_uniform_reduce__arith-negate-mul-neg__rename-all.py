# rewrite-of: bases/from_sample_uniform_reduce.py via arith-negate-mul-neg, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, gamma_: float=0.1, arr: str='mean', lp=None):
        super().__init__()
        self.wt = gamma_
        self.mode_ = arr
        self.conf = lp

    def _reduce(self, cnt):
        if self.mode_ == 'mean':
            return cnt.mean()
        if self.mode_ == 'sum':
            return cnt.sum()
        return cnt

    def forward(self, nxt, acc):
        term_a = nxt.size(-1)
        a0 = F.log_softmax(nxt, dim=-1)
        logq = self._reduce(a0.sum(dim=-1).mul(-1)) / term_a
        outputs = F.nll_loss(a0, acc, reduction=self.mode_, weight=self.conf)
        return (1 - self.wt) * outputs + self.wt * logq
