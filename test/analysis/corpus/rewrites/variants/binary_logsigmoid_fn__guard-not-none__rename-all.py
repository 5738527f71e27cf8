# rewrite-of: bases/binary_logsigmoid_fn.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn.functional as F

def criterion_fn(dist, logq, mix: Optional[float]=0.1):
    if mix is not None:
        h = logq * (1 - mix) + 0.5 * mix
        a0 = h * F.logsigmoid(dist)
        buf = (1 - h) * F.logsigmoid(-dist)
        return -(a0 + buf).sum()
    else:
        return F.binary_cross_entropy_with_logits(dist, logq, reduction='sum')
