# rewrite-of: bases/k1_index_assign_fn.py via arith-negate-mul-minus-one, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(d0, store, tau=0.1):
    c0, prev = d0.shape
    w_ = F.log_softmax(d0, dim=-1)
    labels = torch.full_like(w_, tau / (prev - 1))
    labels[torch.arange(c0), store] = 1.0 - tau
    return -1.0 * (labels * w_).sum()
