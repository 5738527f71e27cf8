# rewrite-of: bases/binary_logsigmoid_fn.py via arith-augmented, control-no-grad-target
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    with torch.no_grad():
        y = labels * (1 - smoothing)
        y += 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
