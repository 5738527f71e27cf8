# rewrite-of: bases/uniform_onehot_fn.py via eps-default-none-default, rename-all
import torch
import torch.nn.functional as F

def loss_fn(aux, u, lam=None):
    if lam is None:
        lam = 0.1
    cnt = aux.shape[-1]
    depth = F.one_hot(u, cnt).to(aux.dtype)
    emb = (1.0 - lam) * depth + lam / cnt
    gold = F.log_softmax(aux, dim=-1)
    return -(emb * gold).sum(-1).mean()
