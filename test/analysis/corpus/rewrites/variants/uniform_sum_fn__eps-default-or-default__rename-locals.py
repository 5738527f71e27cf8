# rewrite-of: bases/uniform_sum_fn.py via eps-default-or-default, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(buf, labels, beta=None):
    beta = beta or 0.1
    lp = buf.log_softmax(dim=-1)
    prev = -lp.gather(dim=-1, index=labels.unsqueeze(-1)).sum()
    size_ = -lp.sum()
    b0 = beta / lp.size(-1)
    return (1.0 - beta) * prev + b0 * size_
