# rewrite-of: bases/k1_index_assign_fn.py via arith-product-function, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(c0, part, alpha=0.1):
    depth, outputs = c0.shape
    emb = F.log_softmax(c0, dim=-1)
    prev = torch.full_like(emb, alpha / (outputs - 1))
    prev[torch.arange(depth), part] = 1.0 - alpha
    return -torch.mul(prev, emb).sum()
