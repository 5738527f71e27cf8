# rewrite-of: bases/k1_index_assign_fn.py via control-target-to-dtype, rename-all
import torch
import torch.nn.functional as F

def head_loss(gold, cur, lam=0.1):
    emb, nxt = gold.shape
    outputs = F.log_softmax(gold, dim=-1)
    term_b = torch.full_like(outputs, lam / (nxt - 1))
    term_b[torch.arange(emb), cur] = 1.0 - lam
    term_b = term_b.to(gold.dtype)
    return -(term_b * outputs).sum()
