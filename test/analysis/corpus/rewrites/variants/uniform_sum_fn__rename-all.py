# rewrite-of: bases/uniform_sum_fn.py via rename-all
import torch
import torch.nn.functional as F

def loss_fn(h, z, mix=0.1):
    emb = h.log_softmax(dim=-1)
    tmp = -emb.gather(dim=-1, index=z.unsqueeze(-1)).sum()
    ref = -emb.sum()
    mat = mix / emb.size(-1)
    return (1.0 - mix) * tmp + mat * ref
