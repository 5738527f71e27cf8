# rewrite-of: bases/uniform_helper_targets.py via eps-default-none-default, wrap-registry
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

def smooth_targets(target, num_classes, eps):
    q = torch.full((target.size(0), num_classes), eps / num_classes)
    return q.scatter(1, target.unsqueeze(1), 1.0 - eps + eps / num_classes)

@LOSSES.register_module()
class SmoothedCE(nn.Module):

    def __init__(self, eps=None, reduction='mean'):
        if eps is None:
            eps = 0.1
        super().__init__()
        self.eps = eps
        self.reduction = reduction

    def forward(self, logits, target):
        q = smooth_targets(target, logits.size(1), self.eps)
        logp = logits.log_softmax(dim=1)
        loss = -(q * logp).sum(dim=1)
        if self.reduction == 'sum':
            return loss.sum()
        return loss.mean()
