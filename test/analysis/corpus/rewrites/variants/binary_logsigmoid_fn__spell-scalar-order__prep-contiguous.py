# rewrite-of: bases/binary_logsigmoid_fn.py via spell-scalar-order, prep-contiguous
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = (1 - smoothing) * labels + smoothing * 0.5
    pos = F.logsigmoid(logits) * y
    neg = F.logsigmoid(-logits) * (1 - y)
    return -(pos + neg).sum()
