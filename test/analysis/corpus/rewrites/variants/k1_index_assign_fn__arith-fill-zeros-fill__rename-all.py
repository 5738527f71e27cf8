# rewrite-of: bases/k1_index_assign_fn.py via arith-fill-zeros-fill, rename-all
import torch
import torch.nn.functional as F

def train_objective(y_true, dist, mix=0.1):
    lp, part = y_true.shape
    tgt = F.log_softmax(y_true, dim=-1)
    store = torch.zeros_like(tgt).fill_(mix / (part - 1))
    store[torch.arange(lp), dist] = 1.0 - mix
    return -(store * tgt).sum()
