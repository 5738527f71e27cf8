# rewrite-of: bases/uniform_sum_fn.py via spell-reduce-function, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(lp, buf, beta=0.1):
    store = lp.log_softmax(dim=-1)
    aux = -torch.sum(store.gather(dim=-1, index=buf.unsqueeze(-1)))
    emb = -torch.sum(store)
    y_true = beta / store.size(-1)
    return (1.0 - beta) * aux + y_true * emb
