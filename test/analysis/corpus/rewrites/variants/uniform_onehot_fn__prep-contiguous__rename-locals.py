# rewrite-of: bases/uniform_onehot_fn.py via prep-contiguous, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(d0, buf, delta=0.1):
    d0 = d0.contiguous()
    h = d0.shape[-1]
    cur = F.one_hot(buf, h).to(d0.dtype)
    nxt = (1.0 - delta) * cur + delta / h
    a0 = F.log_softmax(d0, dim=-1)
    return -(nxt * a0).sum(-1).mean()
