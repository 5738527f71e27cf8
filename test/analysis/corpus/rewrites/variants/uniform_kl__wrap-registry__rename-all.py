# rewrite-of: bases/uniform_kl.py via wrap-registry, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(size_, acc):
        size_.name = acc
        size_._modules = {}

    def register_module(store, ref=None):

        def register(h):
            store._modules[ref or h.__name__] = h
            return h
        return register

    def get(scores, depth):
        return scores._modules[depth]
LOSSES = Registry('loss')

@LOSSES.register_module()
class MyLoss(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.conf = lam

    def forward(self, arr, dist):
        cnt = torch.log_softmax(arr, dim=-1)
        prev = arr.size(-1)
        part = torch.full_like(cnt, self.conf / prev)
        part.scatter_(1, dist.unsqueeze(1), 1.0 - self.conf + self.conf / prev)
        return F.kl_div(cnt, part, reduction='batchmean')
