# rewrite-of: bases/binary_logsigmoid_fn.py via spell-reduce-function, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(acc, d0, coef=0.1):
    term_b = d0 * (1 - coef) + 0.5 * coef
    cur = term_b * F.logsigmoid(acc)
    emb = (1 - term_b) * F.logsigmoid(-acc)
    return -torch.sum(cur + emb)
