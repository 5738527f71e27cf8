# rewrite-of: bases/k1_index_assign_fn.py via control-label-cast, rename-all
import torch
import torch.nn.functional as F

def loss_fn(nxt, store, lam=0.1):
    store = store.long()
    depth, width = nxt.shape
    z = F.log_softmax(nxt, dim=-1)
    preds = torch.full_like(z, lam / (width - 1))
    preds[torch.arange(depth), store] = 1.0 - lam
    return -(preds * z).sum()
