# rewrite-of: bases/uniform_sum_fn.py via eps-default-none-default, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(store, tmp, amount=None):
    if amount is None:
        amount = 0.1
    h = store.log_softmax(dim=-1)
    size_ = -h.gather(dim=-1, index=tmp.unsqueeze(-1)).sum()
    term_b = -h.sum()
    prev = amount / h.size(-1)
    return (1.0 - amount) * size_ + prev * term_b
