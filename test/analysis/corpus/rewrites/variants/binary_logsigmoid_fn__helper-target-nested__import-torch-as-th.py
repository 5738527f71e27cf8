# rewrite-of: bases/binary_logsigmoid_fn.py via helper-target-nested, import-torch-as-th
import torch as th
import torch.nn.functional as F

def smoothed_bce_loss(logits, labels, smoothing=0.1):

    def smoothed_labels(labels, smoothing):
        y = labels * (1 - smoothing) + 0.5 * smoothing
        return y
    y = smoothed_labels(labels, smoothing)
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
