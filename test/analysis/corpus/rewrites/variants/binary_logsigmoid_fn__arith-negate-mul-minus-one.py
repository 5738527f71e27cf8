# rewrite-of: bases/binary_logsigmoid_fn.py via arith-negate-mul-minus-one
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-1.0 * logits)
    return -1.0 * (pos + neg).sum()
