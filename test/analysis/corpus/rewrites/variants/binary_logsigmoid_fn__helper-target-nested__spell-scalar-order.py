# rewrite-of: bases/binary_logsigmoid_fn.py via helper-target-nested, spell-scalar-order
import torch
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):

    def _smooth_targets(labels, smoothing):
        y = (1 - smoothing) * labels + smoothing * 0.5
        return y
    y = _smooth_targets(labels, smoothing)
    pos = F.logsigmoid(logits) * y
    neg = F.logsigmoid(-logits) * (1 - y)
    return -(pos + neg).sum()
