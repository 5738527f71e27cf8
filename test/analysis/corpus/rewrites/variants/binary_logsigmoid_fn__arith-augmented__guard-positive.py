# rewrite-of: bases/binary_logsigmoid_fn.py via arith-augmented, guard-positive
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    if smoothing > 0:
        y = labels * (1 - smoothing)
        y += 0.5 * smoothing
        pos = y * F.logsigmoid(logits)
        neg = (1 - y) * F.logsigmoid(-logits)
        return -(pos + neg).sum()
    else:
        return F.binary_cross_entropy_with_logits(logits, labels, reduction='sum')
