# rewrite-of: bases/k1_index_assign_fn.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn.functional as F

def objective(b0, vec, coef: Optional[float]=0.1):
    if coef is not None:
        part, size_ = b0.shape
        cur = F.log_softmax(b0, dim=-1)
        cnt = torch.full_like(cur, coef / (size_ - 1))
        cnt[torch.arange(part), vec] = 1.0 - coef
        return -(cnt * cur).sum()
    else:
        return F.cross_entropy(b0, vec, reduction='sum')
