# rewrite-of: bases/from_sample_uniform_reduce.py via prep-rows-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, beta: float=0.1, arr: str='mean', val=None):
        super().__init__()
        self.mode_ = beta
        self.p0 = arr
        self.n_out = val

    def _reduce(self, a0):
        if self.p0 == 'mean':
            return a0.mean()
        if self.p0 == 'sum':
            return a0.sum()
        return a0

    def forward(self, h, cnt):
        h = h.view(-1, h.size(-1))
        outputs = h.size(-1)
        store = F.log_softmax(h, dim=-1)
        lp = self._reduce(-store.sum(dim=-1)) / outputs
        part = F.nll_loss(store, cnt, reduction=self.p0, weight=self.n_out)
        return (1 - self.mode_) * part + self.mode_ * lp
