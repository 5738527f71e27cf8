# rewrite-of: bases/from_sample_uniform_reduce.py via shape-size-dim-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, gamma_: float=0.1, y_true: str='mean', z=None):
        super().__init__()
        self.beta = gamma_
        self.coef = y_true
        self.mix = z

    def _reduce(self, tmp):
        if self.coef == 'mean':
            return tmp.mean()
        if self.coef == 'sum':
            return tmp.sum()
        return tmp

    def forward(self, ref, size_):
        d0 = ref.size(dim=-1)
        arr = F.log_softmax(ref, dim=-1)
        gold = self._reduce(-arr.sum(dim=-1)) / d0
        labels = F.nll_loss(arr, size_, reduction=self.coef, weight=self.mix)
        return (1 - self.beta) * labels + self.beta * gold
