# rewrite-of: bases/from_fairseq_k1.py via spell-reduce-function, rename-all
import torch
import torch.nn.functional as F

def head_loss(dist, buf, coef, z=None, labels=True):
    if buf.dim() == dist.dim() - 1:
        buf = buf.unsqueeze(-1)
    arr = -dist.gather(dim=-1, index=buf)
    size_ = -torch.sum(dist, -1, keepdim=True)
    if z is not None:
        w_ = buf.eq(z)
        arr.masked_fill_(w_, 0.0)
        size_.masked_fill_(w_, 0.0)
    else:
        arr = arr.squeeze(-1)
        size_ = size_.squeeze(-1)
    if labels:
        arr = torch.sum(arr)
        size_ = torch.sum(size_)
    prev = coef / (dist.size(-1) - 1)
    term_a = (1.0 - coef - prev) * arr + prev * size_
    return (term_a, arr)
