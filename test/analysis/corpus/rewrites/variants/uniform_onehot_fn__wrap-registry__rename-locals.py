# rewrite-of: bases/uniform_onehot_fn.py via wrap-registry, rename-locals
import torch
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(u, outputs):
        u.name = outputs
        u._modules = {}

    def register_module(nxt, h=None):

        def register(logq):
            nxt._modules[h or logq.__name__] = logq
            return logq
        return register

    def get(d0, depth):
        return d0._modules[depth]
LOSSES = Registry('loss')

@LOSSES.register_module()
def smoothed_cross_entropy(buf, vec, lam=0.1):
    c0 = buf.shape[-1]
    preds = F.one_hot(vec, c0).to(buf.dtype)
    y_true = (1.0 - lam) * preds + lam / c0
    mat = F.log_softmax(buf, dim=-1)
    return -(y_true * mat).sum(-1).mean()
