# rewrite-of: bases/from_sample_uniform_reduce.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, tau: float=0.1, aux: str='mean', logq=None):
        super().__init__()
        self.strength = tau
        self.pad = aux
        self.crit = logq

    def _reduce(self, arr):
        if self.pad == 'mean':
            return arr.mean()
        if self.pad == 'sum':
            return arr.sum()
        return arr

    def forward(self, vec, inp):
        w_ = vec.size(-1)
        prev = F.log_softmax(vec, dim=-1)
        store = self._reduce(-prev.sum(dim=-1)) / w_
        preds = F.nll_loss(prev, inp, reduction=self.pad, weight=self.crit)
        return (1 - self.strength) * preds + self.strength * store
