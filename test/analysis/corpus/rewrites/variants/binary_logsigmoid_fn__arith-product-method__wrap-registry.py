# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-method, wrap-registry
import torch
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
def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels.mul(1 - smoothing) + 0.5 * smoothing
    pos = y.mul(F.logsigmoid(logits))
    neg = F.logsigmoid(-logits).mul(1 - y)
    return -(pos + neg).sum()
