# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn.functional as F
from .smoothing import build_soft_targets

def smoothed_bce_loss(prev, h, delta=0.1):
    term_b = build_soft_targets(h, delta)
    tgt = term_b * F.logsigmoid(prev)
    buf = (1 - term_b) * F.logsigmoid(-prev)
    return -(tgt + buf).sum()
