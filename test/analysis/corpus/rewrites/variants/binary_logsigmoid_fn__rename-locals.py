# rewrite-of: bases/binary_logsigmoid_fn.py via rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(width, c0, lam=0.1):
    nxt = c0 * (1 - lam) + 0.5 * lam
    gold = nxt * F.logsigmoid(width)
    outputs = (1 - nxt) * F.logsigmoid(-width)
    return -(gold + outputs).sum()
