# rewrite-of: bases/uniform_onehot_fn.py via shape-ctor-num-classes, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(logq, buf, tau=0.1, *, d0):
    cnt = d0
    ref = F.one_hot(buf, cnt).to(logq.dtype)
    labels = (1.0 - tau) * ref + tau / cnt
    acc = F.log_softmax(logq, dim=-1)
    return -(labels * acc).sum(-1).mean()
