# rewrite-of: bases/uniform_sum_fn.py via shape-star-unpack, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(dist, size_, rho=0.1):
    *outputs, aux = dist.shape
    preds = dist.log_softmax(dim=-1)
    c0 = -preds.gather(dim=-1, index=size_.unsqueeze(-1)).sum()
    tgt = -preds.sum()
    gold = rho / aux
    return (1.0 - rho) * c0 + gold * tgt
