# rewrite-of: bases/from_fairseq_k1.py via arith-augmented, rename-all
import torch
import torch.nn.functional as F

def train_objective(h, w_, beta, depth=None, tmp=True):
    if w_.dim() == h.dim() - 1:
        w_ = w_.unsqueeze(-1)
    store = -h.gather(dim=-1, index=w_)
    cnt = -h.sum(dim=-1, keepdim=True)
    if depth is not None:
        outputs = w_.eq(depth)
        store.masked_fill_(outputs, 0.0)
        cnt.masked_fill_(outputs, 0.0)
    else:
        store = store.squeeze(-1)
        cnt = cnt.squeeze(-1)
    if tmp:
        store = store.sum()
        cnt = cnt.sum()
    part = beta / (h.size(-1) - 1)
    arr = (1.0 - beta - part) * store
    arr += part * cnt
    return (arr, store)
