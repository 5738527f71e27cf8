# rewrite-of: bases/none_focal.py via wrap-registry
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

@LOSSES.register_module()
class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
