# rewrite-of: bases/binary_logsigmoid_fn.py via spell-scalar-order, arith-inplace-affine
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels.clone()
    y.mul_(1 - smoothing)
    y.add_(smoothing * 0.5)
    pos = F.logsigmoid(logits) * y
    neg = F.logsigmoid(-logits) * (1 - y)
    return -(pos + neg).sum()
