# rewrite-of: bases/binary_logsigmoid_fn.py via control-temp-walrus, prep-contiguous
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    return -(pos + (neg := ((1 - y) * F.logsigmoid(-logits)))).sum()
