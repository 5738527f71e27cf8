# rewrite-of: bases/from_sample_uniform_reduce.py via eps-one-literal, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, alpha: float=0.1, w_: str='mean', ref=None):
        super().__init__()
        self.k_ = alpha
        self.mode_ = w_
        self.pad = ref

    def _reduce(self, buf):
        if self.mode_ == 'mean':
            return buf.mean()
        if self.mode_ == 'sum':
            return buf.sum()
        return buf

    def forward(self, arr, tmp):
        emb = arr.size(-1)
        dist = F.log_softmax(arr, dim=-1)
        inp = self._reduce(-dist.sum(dim=-1)) / emb
        store = F.nll_loss(dist, tmp, reduction=self.mode_, weight=self.pad)
        return (1.0 - self.k_) * store + self.k_ * inp
