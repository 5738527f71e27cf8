# rewrite-of: bases/binary_logsigmoid_fn.py via control-return-tuple, guard-not-none
from typing import Optional
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing: Optional[float]=0.1):
    if smoothing is not None:
        y = labels * (1 - smoothing) + 0.5 * smoothing
        pos = y * F.logsigmoid(logits)
        neg = (1 - y) * F.logsigmoid(-logits)
        return (-(pos + neg).sum(), (-(pos + neg).sum()).detach())
    else:
        return F.binary_cross_entropy_with_logits(logits, labels, reduction='sum')
