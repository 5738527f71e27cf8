# rewrite-of: bases/binary_logsigmoid_fn.py via control-try-target, wrap-helper-sibling
import torch
import torch.nn.functional as F
from .smoothing import _smooth_targets

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = _smooth_targets(labels, smoothing)
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
