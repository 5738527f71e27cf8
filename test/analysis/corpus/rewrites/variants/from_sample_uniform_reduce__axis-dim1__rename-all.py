# rewrite-of: bases/from_sample_uniform_reduce.py via axis-dim1, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, beta: float=0.1, cnt: str='mean', u=None):
        super().__init__()
        self.red = beta
        self.wt = cnt
        self.conf = u

    def _reduce(self, ref):
        if self.wt == 'mean':
            return ref.mean()
        if self.wt == 'sum':
            return ref.sum()
        return ref

    def forward(self, c0, acc):
        tmp = c0.size(1)
        vec = F.log_softmax(c0, dim=1)
        h = self._reduce(-vec.sum(dim=1)) / tmp
        outputs = F.nll_loss(vec, acc, reduction=self.wt, weight=self.conf)
        return (1 - self.red) * outputs + self.red * h
