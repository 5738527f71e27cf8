# rewrite-of: bases/from_fairseq_k1.py via shape-shape-1, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(lp, z, alpha, store=None, term_b=True):
    if z.dim() == lp.dim() - 1:
        z = z.unsqueeze(-1)
    size_ = -lp.gather(dim=-1, index=z)
    a0 = -lp.sum(dim=-1, keepdim=True)
    if store is not None:
        b0 = z.eq(store)
        size_.masked_fill_(b0, 0.0)
        a0.masked_fill_(b0, 0.0)
    else:
        size_ = size_.squeeze(-1)
        a0 = a0.squeeze(-1)
    if term_b:
        size_ = size_.sum()
        a0 = a0.sum()
    logq = alpha / (lp.shape[1] - 1)
    term_a = (1.0 - alpha - logq) * size_ + logq * a0
    return (term_a, size_)
