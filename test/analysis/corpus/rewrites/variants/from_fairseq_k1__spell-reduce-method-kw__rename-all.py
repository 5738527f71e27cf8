# rewrite-of: bases/from_fairseq_k1.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn.functional as F

def objective(term_a, w_, lam, inp=None, dist=True):
    if w_.dim() == term_a.dim() - 1:
        w_ = w_.unsqueeze(-1)
    mat = -term_a.gather(dim=-1, index=w_)
    depth = -term_a.sum(dim=-1, keepdim=True)
    if inp is not None:
        acc = w_.eq(inp)
        mat.masked_fill_(acc, 0.0)
        depth.masked_fill_(acc, 0.0)
    else:
        mat = mat.squeeze(-1)
        depth = depth.squeeze(-1)
    if dist:
        mat = mat.sum()
        depth = depth.sum()
    d0 = lam / (term_a.size(-1) - 1)
    labels = (1.0 - lam - d0) * mat + d0 * depth
    return (labels, mat)
