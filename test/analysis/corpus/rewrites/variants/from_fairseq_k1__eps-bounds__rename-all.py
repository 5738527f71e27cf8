# rewrite-of: bases/from_fairseq_k1.py via eps-bounds, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(h, lp, lam, buf=None, tmp=True):
    lam = max(0.0, min(1.0, lam))
    if lp.dim() == h.dim() - 1:
        lp = lp.unsqueeze(-1)
    labels = -h.gather(dim=-1, index=lp)
    part = -h.sum(dim=-1, keepdim=True)
    if buf is not None:
        store = lp.eq(buf)
        labels.masked_fill_(store, 0.0)
        part.masked_fill_(store, 0.0)
    else:
        labels = labels.squeeze(-1)
        part = part.squeeze(-1)
    if tmp:
        labels = labels.sum()
        part = part.sum()
    term_b = lam / (h.size(-1) - 1)
    vec = (1.0 - lam - term_b) * labels + term_b * part
    return (vec, labels)
