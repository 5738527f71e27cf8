# rewrite-of: bases/uniform_sum_fn.py via arith-gather-index, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(ref, labels, rho=0.1):
    acc = ref.log_softmax(dim=-1)
    logq = -acc[torch.arange(acc.size(0)), labels].unsqueeze(1).sum()
    c0 = -acc.sum()
    cur = rho / acc.size(-1)
    return (1.0 - rho) * logq + cur * c0
