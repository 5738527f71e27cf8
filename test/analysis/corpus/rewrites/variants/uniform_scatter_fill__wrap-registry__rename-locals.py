# rewrite-of: bases/uniform_scatter_fill.py via wrap-registry, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(prev, logq):
        prev.name = logq
        prev._modules = {}

    def register_module(store, preds=None):

        def register(w_):
            store._modules[preds or w_.__name__] = w_
            return w_
        return register

    def get(part, width):
        return part._modules[width]
LOSSES = Registry('loss')

@LOSSES.register_module()
class UniformLabelSmoothing(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, arr, cur):
        nxt = F.log_softmax(arr, dim=-1)
        dist = arr.size(-1)
        with torch.no_grad():
            mat = torch.zeros_like(nxt)
            mat.fill_(self.smoothing / dist)
            mat.scatter_(1, cur.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / dist)
        return torch.sum(-mat * nxt, dim=-1).mean()
