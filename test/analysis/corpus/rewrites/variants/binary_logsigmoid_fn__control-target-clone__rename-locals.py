# rewrite-of: bases/binary_logsigmoid_fn.py via control-target-clone, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(vec, buf, coef=0.1):
    term_b = buf * (1 - coef) + 0.5 * coef
    term_b = term_b.clone()
    store = term_b * F.logsigmoid(vec)
    c0 = (1 - term_b) * F.logsigmoid(-vec)
    return -(store + c0).sum()
