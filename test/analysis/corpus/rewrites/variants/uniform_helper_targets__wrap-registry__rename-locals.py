# rewrite-of: bases/uniform_helper_targets.py via wrap-registry, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(size_, cnt):
        size_.name = cnt
        size_._modules = {}

    def register_module(u, tmp=None):

        def register(inp):
            u._modules[tmp or inp.__name__] = inp
            return inp
        return register

    def get(c0, preds):
        return c0._modules[preds]
LOSSES = Registry('loss')

def smooth_targets(val, z, lam):
    buf = torch.full((val.size(0), z), lam / z)
    return buf.scatter(1, val.unsqueeze(1), 1.0 - lam + lam / z)

@LOSSES.register_module()
class SmoothedCE(nn.Module):

    def __init__(self, beta=0.1, arr='mean'):
        super().__init__()
        self.eps = beta
        self.reduction = arr

    def forward(self, ref, logq):
        d0 = smooth_targets(logq, ref.size(1), self.eps)
        w_ = ref.log_softmax(dim=1)
        store = -(d0 * w_).sum(dim=1)
        if self.reduction == 'sum':
            return store.sum()
        return store.mean()
