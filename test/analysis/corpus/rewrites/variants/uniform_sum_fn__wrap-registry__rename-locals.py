# rewrite-of: bases/uniform_sum_fn.py via wrap-registry, rename-locals
import torch
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(depth, dist):
        depth.name = dist
        depth._modules = {}

    def register_module(buf, size_=None):

        def register(b0):
            buf._modules[size_ or b0.__name__] = b0
            return b0
        return register

    def get(mat, preds):
        return mat._modules[preds]
LOSSES = Registry('loss')

@LOSSES.register_module()
def smoothed_nll_sum(tmp, z, tau=0.1):
    store = tmp.log_softmax(dim=-1)
    val = -store.gather(dim=-1, index=z.unsqueeze(-1)).sum()
    labels = -store.sum()
    part = tau / store.size(-1)
    return (1.0 - tau) * val + part * labels
