# rewrite-of: bases/k1_index_assign_fn.py via eps-one-literal, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(vec, h, tau=0.1):
    size_, term_b = vec.shape
    logq = F.log_softmax(vec, dim=-1)
    prev = torch.full_like(logq, tau / (term_b - 1))
    prev[torch.arange(size_), h] = 1 - tau
    return -(prev * logq).sum()
