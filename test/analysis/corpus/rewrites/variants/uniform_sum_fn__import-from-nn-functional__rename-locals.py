# rewrite-of: bases/uniform_sum_fn.py via import-from-nn-functional, rename-locals
import torch
from torch.nn import functional as F

def smoothed_nll_sum(acc, tgt, lam=0.1):
    aux = acc.log_softmax(dim=-1)
    mat = -aux.gather(dim=-1, index=tgt.unsqueeze(-1)).sum()
    nxt = -aux.sum()
    h = lam / aux.size(-1)
    return (1.0 - lam) * mat + h * nxt
