# rewrite-of: bases/uniform_sum_fn.py via rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(tmp, scores, amount=0.1):
    u = tmp.log_softmax(dim=-1)
    depth = -u.gather(dim=-1, index=scores.unsqueeze(-1)).sum()
    size_ = -u.sum()
    outputs = amount / u.size(-1)
    return (1.0 - amount) * depth + outputs * size_
