# rewrite-of: bases/uniform_sum_fn.py via shape-shape-1, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(emb, cur, tau=0.1):
    acc = emb.log_softmax(dim=-1)
    outputs = -acc.gather(dim=-1, index=cur.unsqueeze(-1)).sum()
    aux = -acc.sum()
    w_ = tau / emb.shape[1]
    return (1.0 - tau) * outputs + w_ * aux
