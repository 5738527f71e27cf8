# rewrite-of: bases/uniform_sum_fn.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn.functional as F

def criterion_fn(nxt, val, amount: Optional[float]=0.1):
    if amount is not None:
        ref = nxt.log_softmax(dim=-1)
        size_ = -ref.gather(dim=-1, index=val.unsqueeze(-1)).sum()
        cnt = -ref.sum()
        buf = amount / ref.size(-1)
        return (1.0 - amount) * size_ + buf * cnt
    else:
        return F.cross_entropy(nxt, val, reduction='sum')
