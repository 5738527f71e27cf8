# rewrite-of: bases/binary_logsigmoid_fn.py via struct-partial
import torch
import torch.nn.functional as F
import functools

def smoothed_bce_loss_impl(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    bound = functools.partial(smoothed_bce_loss_impl, smoothing=smoothing)
    return bound(logits, labels)
