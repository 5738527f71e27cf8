# rewrite-of: bases/from_fairseq_k1.py via spell-scalar-order, rename-all
import torch
import torch.nn.functional as F

def head_loss(w_, h, alpha, dist=None, prev=True):
    if h.dim() == w_.dim() - 1:
        h = h.unsqueeze(-1)
    width = -w_.gather(dim=-1, index=h)
    arr = -w_.sum(dim=-1, keepdim=True)
    if dist is not None:
        cnt = h.eq(dist)
        width.masked_fill_(cnt, 0.0)
        arr.masked_fill_(cnt, 0.0)
    else:
        width = width.squeeze(-1)
        arr = arr.squeeze(-1)
    if prev:
        width = width.sum()
        arr = arr.sum()
    depth = alpha / (w_.size(-1) - 1)
    aux = width * (1.0 - alpha - depth) + arr * depth
    return (aux, width)
