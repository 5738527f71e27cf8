# rewrite-of: bases/from_fairseq_k1.py via control-assert-range, wrap-registry
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
def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduce=True):
    assert 0 <= epsilon < 1, 'smoothing must be in [0, 1)'
    if target.dim() == lprobs.dim() - 1:
        target = target.unsqueeze(-1)
    nll_loss = -lprobs.gather(dim=-1, index=target)
    smooth_loss = -lprobs.sum(dim=-1, keepdim=True)
    if ignore_index is not None:
        pad_mask = target.eq(ignore_index)
        nll_loss.masked_fill_(pad_mask, 0.0)
        smooth_loss.masked_fill_(pad_mask, 0.0)
    else:
        nll_loss = nll_loss.squeeze(-1)
        smooth_loss = smooth_loss.squeeze(-1)
    if reduce:
        nll_loss = nll_loss.sum()
        smooth_loss = smooth_loss.sum()
    eps_i = epsilon / (lprobs.size(-1) - 1)
    loss = (1.0 - epsilon - eps_i) * nll_loss + eps_i * smooth_loss
    return (loss, nll_loss)
