# rewrite-of: bases/binary_logsigmoid_fn.py via control-temp-inline, guard-positive
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    if smoothing > 0:
        y = labels * (1 - smoothing) + 0.5 * smoothing
        pos = y * F.logsigmoid(logits)
        return -(pos + (1 - y) * F.logsigmoid(-logits)).sum()
    else:
        return F.binary_cross_entropy_with_logits(logits, labels, reduction='sum')
