# rewrite-of: bases/k1_index_assign_fn.py via shape-ctor-num-classes, rename-all
import torch
import torch.nn.functional as F

def train_objective(term_a, d0, mix=0.1, *, a0):
    prev = term_a.size(0)
    tgt = a0
    logq = F.log_softmax(term_a, dim=-1)
    tmp = torch.full_like(logq, mix / (tgt - 1))
    tmp[torch.arange(prev), d0] = 1.0 - mix
    return -(tmp * logq).sum()
