# rewrite-of: bases/k1_index_assign_fn.py via arith-product-method, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(preds, lp, tau=0.1):
    val, arr = preds.shape
    logq = F.log_softmax(preds, dim=-1)
    aux = torch.full_like(logq, tau / (arr - 1))
    aux[torch.arange(val), lp] = 1.0 - tau
    return -aux.mul(logq).sum()
