# rewrite-of: bases/uniform_class_calls_fn.py via guard-positive, wrap-registry
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(self, name):
        self.name = name
        self._modules = {}

    def register_module(self, name=None):

        def register(obj):
            self._modules[name or obj.__name__] = obj
            return obj
        return register

    def get(self, name):
        return self._modules[name]
LOSSES = Registry('loss')

def smoothed_nll(lprobs, target, eps):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()

@LOSSES.register_module()
class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, net_output, target):
        if self.eps > 0:
            lprobs = F.log_softmax(net_output, dim=-1)
            return smoothed_nll(lprobs, target, self.eps)
        else:
            return F.cross_entropy(net_output, target, reduction='sum')
