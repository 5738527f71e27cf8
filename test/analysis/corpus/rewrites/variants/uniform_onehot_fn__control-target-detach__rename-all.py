# rewrite-of: bases/uniform_onehot_fn.py via control-target-detach, rename-all
import torch
import torch.nn.functional as F

def objective(w_, dist, delta=0.1):
    b0 = w_.shape[-1]
    gold = F.one_hot(dist, b0).to(w_.dtype)
    vec = (1.0 - delta) * gold + delta / b0
    vec = vec.detach()
    cur = F.log_softmax(w_, dim=-1)
    return -(vec * cur).sum(-1).mean()
