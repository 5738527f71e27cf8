# rewrite-of: bases/uniform_onehot_fn.py via guard-positive, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(store, u, tau=0.1):
    if tau > 0:
        ref = store.shape[-1]
        cur = F.one_hot(u, ref).to(store.dtype)
        aux = (1.0 - tau) * cur + tau / ref
        width = F.log_softmax(store, dim=-1)
        return -(aux * width).sum(-1).mean()
    else:
        return F.cross_entropy(store, u)
