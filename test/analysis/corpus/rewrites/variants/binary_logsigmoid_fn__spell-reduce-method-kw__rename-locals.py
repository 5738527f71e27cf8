# rewrite-of: bases/binary_logsigmoid_fn.py via spell-reduce-method-kw, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(d0, h, alpha=0.1):
    dist = h * (1 - alpha) + 0.5 * alpha
    preds = dist * F.logsigmoid(d0)
    c0 = (1 - dist) * F.logsigmoid(-d0)
    return -(preds + c0).sum()
