# rewrite-of: bases/binary_logsigmoid_fn.py via arith-binary-where
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = torch.where(labels > 0.5, torch.full_like(labels, 1 - smoothing + 0.5 * smoothing), torch.full_like(labels, 0.5 * smoothing))
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
