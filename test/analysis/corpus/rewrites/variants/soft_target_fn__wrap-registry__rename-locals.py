# rewrite-of: bases/soft_target_fn.py via wrap-registry, rename-locals
import torch
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(gold, dist):
        gold.name = dist
        gold._modules = {}

    def register_module(vec, aux=None):

        def register(tmp):
            vec._modules[aux or tmp.__name__] = tmp
            return tmp
        return register

    def get(ref, c0):
        return ref._modules[c0]
LOSSES = Registry('loss')

@LOSSES.register_module()
def soft_target_cross_entropy(h, d0):
    b0 = F.log_softmax(h, dim=-1)
    outputs = torch.sum(-d0 * b0, dim=-1)
    return outputs.mean()
