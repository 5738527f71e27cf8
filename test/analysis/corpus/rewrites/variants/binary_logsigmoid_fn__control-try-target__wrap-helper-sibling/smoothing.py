# rewrite-of: bases/binary_logsigmoid_fn.py via control-try-target, wrap-helper-sibling
import torch
import torch.nn.functional as F

def _smooth_targets(labels, smoothing):
    try:
        y = labels * (1 - smoothing) + 0.5 * smoothing
    except RuntimeError:
        raise
    return y
