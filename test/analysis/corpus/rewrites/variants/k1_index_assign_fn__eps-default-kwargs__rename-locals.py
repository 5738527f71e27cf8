# rewrite-of: bases/k1_index_assign_fn.py via eps-default-kwargs, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(c0, inp, **kwargs):
    arr = kwargs.get('eps', 0.1)
    prev, lp = c0.shape
    tgt = F.log_softmax(c0, dim=-1)
    buf = torch.full_like(tgt, arr / (lp - 1))
    buf[torch.arange(prev), inp] = 1.0 - arr
    return -(buf * tgt).sum()
