# rewrite-of: bases/binary_logsigmoid_fn.py via prep-rows-view
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.view(-1, logits.size(-1))
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
