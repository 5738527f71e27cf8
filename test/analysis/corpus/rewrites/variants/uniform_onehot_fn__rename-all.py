# rewrite-of: bases/uniform_onehot_fn.py via rename-all
import torch
import torch.nn.functional as F

def loss_fn(cur, tgt, rho=0.1):
    mat = cur.shape[-1]
    store = F.one_hot(tgt, mat).to(cur.dtype)
    nxt = (1.0 - rho) * store + rho / mat
    part = F.log_softmax(cur, dim=-1)
    return -(nxt * part).sum(-1).mean()
