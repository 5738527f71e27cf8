# rewrite-of: bases/from_fairseq_k1.py via arith-negate-neg, rename-all
import torch
import torch.nn.functional as F

def loss_fn(val, size_, alpha, inp=None, b0=True):
    if size_.dim() == val.dim() - 1:
        size_ = size_.unsqueeze(-1)
    tgt = val.gather(dim=-1, index=size_).neg()
    term_b = val.sum(dim=-1, keepdim=True).neg()
    if inp is not None:
        cnt = size_.eq(inp)
        tgt.masked_fill_(cnt, 0.0)
        term_b.masked_fill_(cnt, 0.0)
    else:
        tgt = tgt.squeeze(-1)
        term_b = term_b.squeeze(-1)
    if b0:
        tgt = tgt.sum()
        term_b = term_b.sum()
    scores = alpha / (val.size(-1) - 1)
    prev = (1.0 - alpha - scores) * tgt + scores * term_b
    return (prev, tgt)
