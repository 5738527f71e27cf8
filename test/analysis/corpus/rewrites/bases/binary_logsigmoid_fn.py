# base: binary_logsigmoid_fn convention: binary
# spec: {"symbol": "smoothed_bce_loss", "eps_param": "smoothing", "call": {}, "input": "logits", "target": "binary", "ref": "binary", "reduction": "sum", "fallback": "F.binary_cross_entropy_with_logits({x}, {t}, reduction='sum')", "q_var": "y", "axis": false}
import torch
import torch.nn.functional as F


def smoothed_bce_loss(logits, labels, smoothing=0.1):
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
