# rewrite-of: bases/binary_logsigmoid_fn.py via spell-scalar-order, guard-positive
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    if smoothing > 0:
        y = (1 - smoothing) * labels + smoothing * 0.5
        pos = F.logsigmoid(logits) * y
        neg = F.logsigmoid(-logits) * (1 - y)
        return -(pos + neg).sum()
    else:
        return F.binary_cross_entropy_with_logits(logits, labels, reduction='sum')
