# rewrite-of: bases/binary_logsigmoid_fn.py via eps-default-module-constant, control-target-clone
import torch
import torch.nn.functional as F
LABEL_SMOOTHING = 0.1

def smoothed_bce_loss(logits, labels, smoothing=LABEL_SMOOTHING):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    y = y.clone()
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
