# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-registry, rename-locals
import torch
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(y_true, dist):
        y_true.name = dist
        y_true._modules = {}

    def register_module(arr, w_=None):

        def register(cur):
            arr._modules[w_ or cur.__name__] = cur
            return cur
        return register

    def get(u, outputs):
        return u._modules[outputs]
LOSSES = Registry('loss')

@LOSSES.register_module()
def smoothed_bce_loss(acc, b0, coef=0.1):
    vec = b0 * (1 - coef) + 0.5 * coef
    tmp = vec * F.logsigmoid(acc)
    logq = (1 - vec) * F.logsigmoid(-acc)
    return -(tmp + logq).sum()
