# rewrite-of: bases/binary_logsigmoid_fn.py via control-temp-walrus, rename-all
import torch
import torch.nn.functional as F

def head_loss(size_, term_a, alpha=0.1):
    d0 = term_a * (1 - alpha) + 0.5 * alpha
    scores = d0 * F.logsigmoid(size_)
    return -(scores + (store := ((1 - d0) * F.logsigmoid(-size_)))).sum()
