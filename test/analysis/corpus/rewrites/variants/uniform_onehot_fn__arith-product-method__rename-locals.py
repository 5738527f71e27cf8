# rewrite-of: bases/uniform_onehot_fn.py via arith-product-method, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(logq, u, delta=0.1):
    tmp = logq.shape[-1]
    cur = F.one_hot(u, tmp).to(logq.dtype)
    store = (1.0 - delta) * cur + delta / tmp
    b0 = F.log_softmax(logq, dim=-1)
    return -store.mul(b0).sum(-1).mean()
