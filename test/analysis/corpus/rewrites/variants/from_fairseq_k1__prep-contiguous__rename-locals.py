# rewrite-of: bases/from_fairseq_k1.py via prep-contiguous, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(d0, inp, coef, dist=None, h=True):
    d0 = d0.contiguous()
    if inp.dim() == d0.dim() - 1:
        inp = inp.unsqueeze(-1)
    b0 = -d0.gather(dim=-1, index=inp)
    acc = -d0.sum(dim=-1, keepdim=True)
    if dist is not None:
        term_a = inp.eq(dist)
        b0.masked_fill_(term_a, 0.0)
        acc.masked_fill_(term_a, 0.0)
    else:
        b0 = b0.squeeze(-1)
        acc = acc.squeeze(-1)
    if h:
        b0 = b0.sum()
        acc = acc.sum()
    z = coef / (d0.size(-1) - 1)
    term_b = (1.0 - coef - z) * b0 + z * acc
    return (term_b, b0)
