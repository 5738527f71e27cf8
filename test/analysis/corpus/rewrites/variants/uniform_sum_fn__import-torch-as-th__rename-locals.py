# rewrite-of: bases/uniform_sum_fn.py via import-torch-as-th, rename-locals
import torch as th
import torch.nn.functional as F

def smoothed_nll_sum(u, d0, gamma_=0.1):
    store = u.log_softmax(dim=-1)
    width = -store.gather(dim=-1, index=d0.unsqueeze(-1)).sum()
    tgt = -store.sum()
    outputs = gamma_ / store.size(-1)
    return (1.0 - gamma_) * width + outputs * tgt
