# rewrite-of: bases/binary_logsigmoid_fn.py via helper-target-module, eps-one-literal
import torch
import torch.nn.functional as F

def _smooth_targets(labels, smoothing):
    y = labels * (1.0 - smoothing) + 0.5 * smoothing
    return y

def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = _smooth_targets(labels, smoothing)
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
