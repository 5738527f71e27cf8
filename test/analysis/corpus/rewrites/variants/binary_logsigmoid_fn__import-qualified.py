# rewrite-of: bases/binary_logsigmoid_fn.py via import-qualified
import torch
import torch.nn.functional

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * torch.nn.functional.logsigmoid(logits)
    neg = (1 - y) * torch.nn.functional.logsigmoid(-logits)
    return -(pos + neg).sum()
