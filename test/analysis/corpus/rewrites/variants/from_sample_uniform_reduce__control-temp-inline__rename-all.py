# rewrite-of: bases/from_sample_uniform_reduce.py via control-temp-inline, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, coef: float=0.1, a0: str='mean', dist=None):
        super().__init__()
        self.wt = coef
        self.n_out = a0
        self.conf = dist

    def _reduce(self, d0):
        if self.n_out == 'mean':
            return d0.mean()
        if self.n_out == 'sum':
            return d0.sum()
        return d0

    def forward(self, store, outputs):
        c0 = store.size(-1)
        tgt = F.log_softmax(store, dim=-1)
        inp = self._reduce(-tgt.sum(dim=-1)) / c0
        return (1 - self.wt) * F.nll_loss(tgt, outputs, reduction=self.n_out, weight=self.conf) + self.wt * inp
