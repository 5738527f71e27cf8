# rewrite-of: bases/k1_index_assign_fn.py via arith-fill-new-full, rename-all
import torch
import torch.nn.functional as F

def train_objective(logq, cnt, tau=0.1):
    ref, outputs = logq.shape
    val = F.log_softmax(logq, dim=-1)
    vec = val.new_full(val.shape, tau / (outputs - 1))
    vec[torch.arange(ref), cnt] = 1.0 - tau
    return -(vec * val).sum()
