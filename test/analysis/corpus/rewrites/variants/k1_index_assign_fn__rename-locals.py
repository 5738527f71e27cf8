# rewrite-of: bases/k1_index_assign_fn.py via rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(z, labels, lam=0.1):
    ref, gold = z.shape
    arr = F.log_softmax(z, dim=-1)
    part = torch.full_like(arr, lam / (gold - 1))
    part[torch.arange(ref), labels] = 1.0 - lam
    return -(part * arr).sum()
