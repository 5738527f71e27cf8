# rewrite-of: bases/binary_logsigmoid_fn.py via import-functional-as-fn, wrap-registry
import torch
import torch.nn.functional as fn

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
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * fn.logsigmoid(logits)
    neg = (1 - y) * fn.logsigmoid(-logits)
    return -(pos + neg).sum()
