# rewrite-of: bases/none_plain_ce.py via wrap-registry, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(arr, y_true):
        arr.name = y_true
        arr._modules = {}

    def register_module(nxt, z=None):

        def register(a0):
            nxt._modules[z or a0.__name__] = a0
            return a0
        return register

    def get(c0, outputs):
        return c0._modules[outputs]
LOSSES = Registry('loss')

@LOSSES.register_module()
class HandWrittenCE(nn.Module):

    def forward(self, depth, size_):
        w_ = F.log_softmax(depth, dim=-1)
        val = w_.gather(1, size_.unsqueeze(1)).squeeze(1)
        return -val.mean()
