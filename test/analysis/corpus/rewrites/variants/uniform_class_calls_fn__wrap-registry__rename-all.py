# rewrite-of: bases/uniform_class_calls_fn.py via wrap-registry, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class Registry:
    """Name -> class, filled by the `register_module` decorator."""

    def __init__(cur, labels):
        cur.name = labels
        cur._modules = {}

    def register_module(b0, z=None):

        def register(nxt):
            b0._modules[z or nxt.__name__] = nxt
            return nxt
        return register

    def get(val, lp):
        return val._modules[lp]
LOSSES = Registry('loss')

def smoothed_nll(a0, term_b, lam):
    ref = -a0.gather(dim=-1, index=term_b.unsqueeze(-1)).squeeze(-1)
    preds = -a0.sum(dim=-1) / a0.size(-1)
    return ((1.0 - lam) * ref + lam * preds).sum()

@LOSSES.register_module()
class ClsCriterion(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.scale_ = beta

    def forward(self, mat, w_):
        inp = F.log_softmax(mat, dim=-1)
        return smoothed_nll(inp, w_, self.scale_)
