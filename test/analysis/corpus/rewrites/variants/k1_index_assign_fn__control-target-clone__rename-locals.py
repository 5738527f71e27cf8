# rewrite-of: bases/k1_index_assign_fn.py via control-target-clone, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(w_, aux, beta=0.1):
    acc, d0 = w_.shape
    store = F.log_softmax(w_, dim=-1)
    logq = torch.full_like(store, beta / (d0 - 1))
    logq[torch.arange(acc), aux] = 1.0 - beta
    logq = logq.clone()
    return -(logq * store).sum()
