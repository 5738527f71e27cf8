# rewrite-of: bases/from_fairseq_k1.py via shape-ctor-num-classes, rename-all
import torch
import torch.nn.functional as F

def compute_loss(c0, width, alpha, preds=None, store=True, *, part):
    if width.dim() == c0.dim() - 1:
        width = width.unsqueeze(-1)
    d0 = -c0.gather(dim=-1, index=width)
    gold = -c0.sum(dim=-1, keepdim=True)
    if preds is not None:
        val = width.eq(preds)
        d0.masked_fill_(val, 0.0)
        gold.masked_fill_(val, 0.0)
    else:
        d0 = d0.squeeze(-1)
        gold = gold.squeeze(-1)
    if store:
        d0 = d0.sum()
        gold = gold.sum()
    w_ = alpha / (part - 1)
    term_b = (1.0 - alpha - w_) * d0 + w_ * gold
    return (term_b, d0)
