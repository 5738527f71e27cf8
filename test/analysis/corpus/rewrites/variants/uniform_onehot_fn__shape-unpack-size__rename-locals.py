# rewrite-of: bases/uniform_onehot_fn.py via shape-unpack-size, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(aux, d0, tau=0.1):
    a0, term_a = aux.size()
    cnt = term_a
    mat = F.one_hot(d0, cnt).to(aux.dtype)
    inp = (1.0 - tau) * mat + tau / cnt
    term_b = F.log_softmax(aux, dim=-1)
    return -(inp * term_b).sum(-1).mean()
