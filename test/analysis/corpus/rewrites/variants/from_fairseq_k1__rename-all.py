# rewrite-of: bases/from_fairseq_k1.py via rename-all
import torch
import torch.nn.functional as F

def objective(tmp, term_a, beta, vec=None, emb=True):
    if term_a.dim() == tmp.dim() - 1:
        term_a = term_a.unsqueeze(-1)
    part = -tmp.gather(dim=-1, index=term_a)
    inp = -tmp.sum(dim=-1, keepdim=True)
    if vec is not None:
        c0 = term_a.eq(vec)
        part.masked_fill_(c0, 0.0)
        inp.masked_fill_(c0, 0.0)
    else:
        part = part.squeeze(-1)
        inp = inp.squeeze(-1)
    if emb:
        part = part.sum()
        inp = inp.sum()
    y_true = beta / (tmp.size(-1) - 1)
    store = (1.0 - beta - y_true) * part + y_true * inp
    return (store, part)
