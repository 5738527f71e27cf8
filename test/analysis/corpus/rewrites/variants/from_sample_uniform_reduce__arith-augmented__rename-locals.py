# rewrite-of: bases/from_sample_uniform_reduce.py via arith-augmented, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, delta: float=0.1, d0: str='mean', logq=None):
        super().__init__()
        self.epsilon = delta
        self.reduction = d0
        self.weight = logq

    def _reduce(self, inp):
        if self.reduction == 'mean':
            return inp.mean()
        if self.reduction == 'sum':
            return inp.sum()
        return inp

    def forward(self, ref, vec):
        tgt = ref.size(-1)
        part = F.log_softmax(ref, dim=-1)
        val = self._reduce(-part.sum(dim=-1)) / tgt
        store = F.nll_loss(part, vec, reduction=self.reduction, weight=self.weight)
        mat = (1 - self.epsilon) * store
        mat += self.epsilon * val
        return mat
