# rewrite-of: bases/k1_index_assign_fn.py via import-from-nn-functional, rename-all
import torch
from torch.nn import functional as F

def objective(buf, arr, tau=0.1):
    lp, d0 = buf.shape
    acc = F.log_softmax(buf, dim=-1)
    h = torch.full_like(acc, tau / (d0 - 1))
    h[torch.arange(lp), arr] = 1.0 - tau
    return -(h * acc).sum()
