# rewrite-of: bases/binary_logsigmoid_fn.py via control-target-clone, prep-contiguous
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = labels * (1 - smoothing) + 0.5 * smoothing
    y = y.clone()
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
