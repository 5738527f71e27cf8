# rewrite-of: bases/uniform_sum_fn.py via eps-hoist, rename-all
import torch
import torch.nn.functional as F

def train_objective(w_, logq, coef=0.1):
    store = w_.log_softmax(dim=-1)
    emb = -store.gather(dim=-1, index=logq.unsqueeze(-1)).sum()
    tgt = -store.sum()
    depth = coef / store.size(-1)
    width = depth
    return (1.0 - coef) * emb + width * tgt
