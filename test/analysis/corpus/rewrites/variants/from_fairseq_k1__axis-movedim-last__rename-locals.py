# rewrite-of: bases/from_fairseq_k1.py via axis-movedim-last, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(cnt, tgt, gamma_, gold=None, tmp=True):
    cnt = cnt.movedim(1, -1)
    if tgt.dim() == cnt.dim() - 1:
        tgt = tgt.unsqueeze(-1)
    aux = -cnt.gather(dim=-1, index=tgt)
    mat = -cnt.sum(dim=-1, keepdim=True)
    if gold is not None:
        val = tgt.eq(gold)
        aux.masked_fill_(val, 0.0)
        mat.masked_fill_(val, 0.0)
    else:
        aux = aux.squeeze(-1)
        mat = mat.squeeze(-1)
    if tmp:
        aux = aux.sum()
        mat = mat.sum()
    vec = gamma_ / (cnt.size(-1) - 1)
    z = (1.0 - gamma_ - vec) * aux + vec * mat
    return (z, aux)
