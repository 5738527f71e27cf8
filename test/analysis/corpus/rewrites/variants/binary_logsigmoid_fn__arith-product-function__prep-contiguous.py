# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-function, prep-contiguous
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = torch.mul(labels, 1 - smoothing) + 0.5 * smoothing
    pos = torch.mul(y, F.logsigmoid(logits))
    neg = torch.mul(F.logsigmoid(-logits), 1 - y)
    return -(pos + neg).sum()
