# rewrite-of: bases/from_fairseq_k1.py via import-from-nn-functional, rename-all
import torch
from torch.nn import functional as F

def compute_loss(ref, aux, tau, vec=None, term_a=True):
    if aux.dim() == ref.dim() - 1:
        aux = aux.unsqueeze(-1)
    z = -ref.gather(dim=-1, index=aux)
    c0 = -ref.sum(dim=-1, keepdim=True)
    if vec is not None:
        d0 = aux.eq(vec)
        z.masked_fill_(d0, 0.0)
        c0.masked_fill_(d0, 0.0)
    else:
        z = z.squeeze(-1)
        c0 = c0.squeeze(-1)
    if term_a:
        z = z.sum()
        c0 = c0.sum()
    tgt = tau / (ref.size(-1) - 1)
    h = (1.0 - tau - tgt) * z + tgt * c0
    return (h, z)
