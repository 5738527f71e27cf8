# rewrite-of: bases/k1_fill_scatter.py via arith-unsqueeze-view, wrap-registry
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
class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.view(-1, 1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
