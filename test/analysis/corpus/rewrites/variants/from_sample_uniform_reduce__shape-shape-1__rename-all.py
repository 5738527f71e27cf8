# rewrite-of: bases/from_sample_uniform_reduce.py via shape-shape-1, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, mix: float=0.1, val: str='mean', inp=None):
        super().__init__()
        self.lossfn = mix
        self.strength = val
        self.pad = inp

    def _reduce(self, tmp):
        if self.strength == 'mean':
            return tmp.mean()
        if self.strength == 'sum':
            return tmp.sum()
        return tmp

    def forward(self, preds, c0):
        cur = preds.shape[1]
        width = F.log_softmax(preds, dim=-1)
        w_ = self._reduce(-width.sum(dim=-1)) / cur
        tgt = F.nll_loss(width, c0, reduction=self.strength, weight=self.pad)
        return (1 - self.lossfn) * tgt + self.lossfn * w_
