# rewrite-of: bases/from_sample_uniform_reduce.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, coef: float=0.1, term_a: str='mean', d0=None):
        super().__init__()
        self.k_ = coef
        self.mode_ = term_a
        self.lossfn = d0

    def _reduce(self, cnt):
        if self.mode_ == 'mean':
            return cnt.mean()
        if self.mode_ == 'sum':
            return cnt.sum()
        return cnt

    def forward(self, b0, val):
        return self.compute_loss(b0, val)

    def compute_loss(self, ref, size_):
        store = ref.size(-1)
        scores = F.log_softmax(ref, dim=-1)
        buf = self._reduce(-scores.sum(dim=-1)) / store
        outputs = F.nll_loss(scores, size_, reduction=self.mode_, weight=self.lossfn)
        return (1 - self.k_) * outputs + self.k_ * buf
