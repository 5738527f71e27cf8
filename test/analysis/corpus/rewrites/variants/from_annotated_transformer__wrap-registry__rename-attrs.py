# rewrite-of: bases/from_annotated_transformer.py via wrap-registry, rename-attrs
import torch
import torch.nn as nn

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
class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.beta = nn.KLDivLoss(reduction='sum')
        self.coef = padding_idx
        self.crit = 1.0 - smoothing
        self.conf = smoothing
        self.mode_ = size
        self.strength = None

    def forward(self, x, target):
        assert x.size(1) == self.mode_
        true_dist = x.data.clone()
        true_dist.fill_(self.conf / (self.mode_ - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.crit)
        true_dist[:, self.coef] = 0
        mask = torch.nonzero(target.data == self.coef)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.strength = true_dist
        return self.beta(x, true_dist.clone().detach())
