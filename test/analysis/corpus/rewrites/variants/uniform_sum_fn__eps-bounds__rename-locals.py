# rewrite-of: bases/uniform_sum_fn.py via eps-bounds, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(prev, store, gamma_=0.1):
    gamma_ = max(0.0, min(1.0, gamma_))
    val = prev.log_softmax(dim=-1)
    logq = -val.gather(dim=-1, index=store.unsqueeze(-1)).sum()
    ref = -val.sum()
    d0 = gamma_ / val.size(-1)
    return (1.0 - gamma_) * logq + d0 * ref
