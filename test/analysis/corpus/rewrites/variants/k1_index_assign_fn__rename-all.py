# rewrite-of: bases/k1_index_assign_fn.py via rename-all
import torch
import torch.nn.functional as F

def compute_loss(val, buf, mix=0.1):
    acc, outputs = val.shape
    dist = F.log_softmax(val, dim=-1)
    term_b = torch.full_like(dist, mix / (outputs - 1))
    term_b[torch.arange(acc), buf] = 1.0 - mix
    return -(term_b * dist).sum()
