# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-method, control-early-return
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    if smoothing == 0:
        return F.binary_cross_entropy_with_logits(logits, labels, reduction='sum')
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = F.logsigmoid(logits).mul(y)
    neg = F.logsigmoid(-logits).mul(1 - y)
    return -(pos + neg).sum()
