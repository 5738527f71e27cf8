# rewrite-of: bases/from_fairseq_k1.py via shape-size-dim-kw, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(aux, z, gamma_, part=None, gold=True):
    if z.dim() == aux.dim() - 1:
        z = z.unsqueeze(-1)
    b0 = -aux.gather(dim=-1, index=z)
    h = -aux.sum(dim=-1, keepdim=True)
    if part is not None:
        arr = z.eq(part)
        b0.masked_fill_(arr, 0.0)
        h.masked_fill_(arr, 0.0)
    else:
        b0 = b0.squeeze(-1)
        h = h.squeeze(-1)
    if gold:
        b0 = b0.sum()
        h = h.sum()
    a0 = gamma_ / (aux.size(dim=-1) - 1)
    labels = (1.0 - gamma_ - a0) * b0 + a0 * h
    return (labels, b0)
