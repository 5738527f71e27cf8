# rewrite-of: bases/binary_logsigmoid_fn.py via prep-contiguous, import-from-functional
import torch
from torch.nn.functional import logsigmoid as logsigmoid2

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    logits = logits.contiguous()
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * logsigmoid2(logits)
    neg = (1 - y) * logsigmoid2(-logits)
    return -(pos + neg).sum()
