# rewrite-of: bases/from_fairseq_k1.py via shape-star-unpack, rename-all
import torch
import torch.nn.functional as F

def head_loss(vec, part, mix, gold=None, h=True):
    *emb, b0 = vec.shape
    if part.dim() == vec.dim() - 1:
        part = part.unsqueeze(-1)
    z = -vec.gather(dim=-1, index=part)
    prev = -vec.sum(dim=-1, keepdim=True)
    if gold is not None:
        scores = part.eq(gold)
        z.masked_fill_(scores, 0.0)
        prev.masked_fill_(scores, 0.0)
    else:
        z = z.squeeze(-1)
        prev = prev.squeeze(-1)
    if h:
        z = z.sum()
        prev = prev.sum()
    depth = mix / (b0 - 1)
    tmp = (1.0 - mix - depth) * z + depth * prev
    return (tmp, z)
