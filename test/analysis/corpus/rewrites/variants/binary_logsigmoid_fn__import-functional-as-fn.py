# rewrite-of: bases/binary_logsigmoid_fn.py via import-functional-as-fn
import torch
import torch.nn.functional as fn

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * fn.logsigmoid(logits)
    neg = (1 - y) * fn.logsigmoid(-logits)
    return -(pos + neg).sum()
