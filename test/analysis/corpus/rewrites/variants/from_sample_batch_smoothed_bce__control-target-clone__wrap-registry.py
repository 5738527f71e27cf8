# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-target-clone, wrap-registry
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
class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, alpha, reduction='mean'):
        super().__init__()
        self.alpha = alpha
        self.reduction = reduction

    def forward(self, probs, target):
        n = target.max().item() + 1
        target = target * (1 - self.alpha) + self.alpha / n
        target = target.clone()
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        loss = (positive + negative).sum()
        if self.reduction == 'mean':
            loss = loss / len(probs)
        return loss
