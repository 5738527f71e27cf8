# rewrite-of: bases/uniform_sum_fn.py via shape-size-dim-kw, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(aux, preds, lam=0.1):
    z = aux.log_softmax(dim=-1)
    part = -z.gather(dim=-1, index=preds.unsqueeze(-1)).sum()
    size_ = -z.sum()
    prev = lam / aux.size(dim=-1)
    return (1.0 - lam) * part + prev * size_
