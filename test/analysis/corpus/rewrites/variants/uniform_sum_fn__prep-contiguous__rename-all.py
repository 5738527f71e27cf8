# rewrite-of: bases/uniform_sum_fn.py via prep-contiguous, rename-all
import torch
import torch.nn.functional as F

def compute_loss(depth, nxt, gamma_=0.1):
    depth = depth.contiguous()
    z = depth.log_softmax(dim=-1)
    term_b = -z.gather(dim=-1, index=nxt.unsqueeze(-1)).sum()
    store = -z.sum()
    tmp = gamma_ / z.size(-1)
    return (1.0 - gamma_) * term_b + tmp * store
