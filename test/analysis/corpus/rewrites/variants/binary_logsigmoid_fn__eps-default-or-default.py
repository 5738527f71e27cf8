# rewrite-of: bases/binary_logsigmoid_fn.py via eps-default-or-default
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=None):
    smoothing = smoothing or 0.1
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
