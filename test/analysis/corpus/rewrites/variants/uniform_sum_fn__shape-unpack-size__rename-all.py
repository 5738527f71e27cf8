# rewrite-of: bases/uniform_sum_fn.py via shape-unpack-size, rename-all
import torch
import torch.nn.functional as F

def compute_loss(buf, depth, lam=0.1):
    lp, y_true = buf.size()
    scores = buf.log_softmax(dim=-1)
    h = -scores.gather(dim=-1, index=depth.unsqueeze(-1)).sum()
    val = -scores.sum()
    prev = lam / y_true
    return (1.0 - lam) * h + prev * val
