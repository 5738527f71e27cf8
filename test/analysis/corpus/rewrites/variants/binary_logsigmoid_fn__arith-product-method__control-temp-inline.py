# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-method, control-temp-inline
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels.mul(1 - smoothing) + 0.5 * smoothing
    pos = y.mul(F.logsigmoid(logits))
    return -(pos + F.logsigmoid(-logits).mul(1 - y)).sum()
