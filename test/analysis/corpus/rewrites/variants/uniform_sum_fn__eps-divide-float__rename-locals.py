# rewrite-of: bases/uniform_sum_fn.py via eps-divide-float, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(val, c0, lam=0.1):
    d0 = val.log_softmax(dim=-1)
    term_b = -d0.gather(dim=-1, index=c0.unsqueeze(-1)).sum()
    store = -d0.sum()
    preds = lam / float(d0.size(-1))
    return (1.0 - lam) * term_b + preds * store
