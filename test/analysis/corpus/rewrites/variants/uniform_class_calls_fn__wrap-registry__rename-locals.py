# rewrite-of: bases/uniform_class_calls_fn.py via wrap-registry, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(acc, c0):
        acc.name = c0
        acc._modules = {}

    def register_module(preds, u=None):

        def register(prev):
            preds._modules[u or prev.__name__] = prev
            return prev
        return register

    def get(logq, depth):
        return logq._modules[depth]
LOSSES = Registry('loss')

def smoothed_nll(width, aux, gamma_):
    size_ = -width.gather(dim=-1, index=aux.unsqueeze(-1)).squeeze(-1)
    d0 = -width.sum(dim=-1) / width.size(-1)
    return ((1.0 - gamma_) * size_ + gamma_ * d0).sum()

@LOSSES.register_module()
class SmoothedNLLCriterion(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.eps = mix

    def forward(self, emb, b0):
        z = F.log_softmax(emb, dim=-1)
        return smoothed_nll(z, b0, self.eps)
