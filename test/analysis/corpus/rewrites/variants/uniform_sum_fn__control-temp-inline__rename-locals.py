# rewrite-of: bases/uniform_sum_fn.py via control-temp-inline, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(prev, c0, beta=0.1):
    val = prev.log_softmax(dim=-1)
    a0 = -val.gather(dim=-1, index=c0.unsqueeze(-1)).sum()
    emb = -val.sum()
    return (1.0 - beta) * a0 + beta / val.size(-1) * emb
