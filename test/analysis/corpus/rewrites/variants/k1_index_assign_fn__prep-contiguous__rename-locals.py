# rewrite-of: bases/k1_index_assign_fn.py via prep-contiguous, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(lp, val, coef=0.1):
    lp = lp.contiguous()
    arr, acc = lp.shape
    gold = F.log_softmax(lp, dim=-1)
    nxt = torch.full_like(gold, coef / (acc - 1))
    nxt[torch.arange(arr), val] = 1.0 - coef
    return -(nxt * gold).sum()
