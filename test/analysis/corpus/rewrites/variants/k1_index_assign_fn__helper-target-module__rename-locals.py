# rewrite-of: bases/k1_index_assign_fn.py via helper-target-module, rename-locals
import torch
import torch.nn.functional as F

def smoothed_labels(vec, lam, logq, d0, aux):
    mat = torch.full_like(vec, lam / (logq - 1))
    mat[torch.arange(aux), d0] = 1.0 - lam
    return mat

def k_minus_one_smoothing_loss(tmp, emb, coef=0.1):
    u, arr = tmp.shape
    tgt = F.log_softmax(tmp, dim=-1)
    h = smoothed_labels(tgt, coef, arr, emb, u)
    return -(h * tgt).sum()
