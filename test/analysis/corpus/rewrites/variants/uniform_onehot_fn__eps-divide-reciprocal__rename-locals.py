# rewrite-of: bases/uniform_onehot_fn.py via eps-divide-reciprocal, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(aux, store, beta=0.1):
    val = aux.shape[-1]
    part = F.one_hot(store, val).to(aux.dtype)
    tmp = (1.0 - beta) * part + beta * (1.0 / val)
    c0 = F.log_softmax(aux, dim=-1)
    return -(tmp * c0).sum(-1).mean()
