# rewrite-of: bases/binary_logsigmoid_fn.py via prep-contiguous
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
