# rewrite-of: bases/uniform_nll_mix.py via wrap-registry, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(vec, tmp):
        vec.name = tmp
        vec._modules = {}

    def register_module(c0, d0=None):

        def register(mat):
            c0._modules[d0 or mat.__name__] = mat
            return mat
        return register

    def get(size_, aux):
        return size_._modules[aux]
LOSSES = Registry('loss')

@LOSSES.register_module()
class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau
        self.confidence = 1.0 - tau

    def forward(self, buf, gold):
        emb = F.log_softmax(buf, dim=-1)
        tgt = -emb.gather(dim=-1, index=gold.unsqueeze(1)).squeeze(1)
        lp = -emb.mean(dim=-1)
        b0 = self.confidence * tgt + self.smoothing * lp
        return b0.mean()
