# rewrite-of: bases/binary_logsigmoid_fn.py via helper-target-nested, eps-one-literal
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):

    def build_soft_targets(labels, smoothing):
        y = labels * (1.0 - smoothing) + 0.5 * smoothing
        return y
    y = build_soft_targets(labels, smoothing)
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
