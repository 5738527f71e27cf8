# rewrite-of: bases/from_sample_uniform_reduce.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, delta: float=0.1, cur: str='mean', acc=None):
        super().__init__()
        self.lossfn = delta
        self.red = cur
        self.alpha = acc

    def _reduce(self, lp):
        if self.red == 'mean':
            return lp.mean()
        if self.red == 'sum':
            return lp.sum()
        return lp

    def forward(self, vec, logq):
        term_b = vec.size(-1)
        width = F.log_softmax(vec, dim=-1)
        tmp = self._reduce(-width.sum(dim=-1)) / term_b
        store = F.nll_loss(width, logq, reduction=self.red, weight=self.alpha)
        return (1 - self.lossfn) * store + self.lossfn * tmp
