# rewrite-of: bases/from_sample_uniform_reduce.py via spell-reduce-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, coef: float=0.1, z: str='mean', outputs=None):
        super().__init__()
        self.strength = coef
        self.p0 = z
        self.conf = outputs

    def _reduce(self, aux):
        if self.p0 == 'mean':
            return torch.mean(aux)
        if self.p0 == 'sum':
            return torch.sum(aux)
        return aux

    def forward(self, labels, cur):
        dist = labels.size(-1)
        prev = F.log_softmax(labels, dim=-1)
        tgt = self._reduce(-torch.sum(prev, -1)) / dist
        mat = F.nll_loss(prev, cur, reduction=self.p0, weight=self.conf)
        return (1 - self.strength) * mat + self.strength * tgt
