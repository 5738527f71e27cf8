# rewrite-of: bases/from_sample_uniform_reduce.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, gamma_: float=0.1, emb: str='mean', a0=None):
        super().__init__()
        self.red = gamma_
        self.pad = emb
        self.p0 = a0

    def _reduce(self, labels):
        if self.pad == 'mean':
            return labels.mean()
        if self.pad == 'sum':
            return labels.sum()
        return labels

    def forward(self, w_, lp):
        assert 0 <= self.red < 1, 'smoothing must be in [0, 1)'
        size_ = w_.size(-1)
        d0 = F.log_softmax(w_, dim=-1)
        arr = self._reduce(-d0.sum(dim=-1)) / size_
        inp = F.nll_loss(d0, lp, reduction=self.pad, weight=self.p0)
        return (1 - self.red) * inp + self.red * arr
