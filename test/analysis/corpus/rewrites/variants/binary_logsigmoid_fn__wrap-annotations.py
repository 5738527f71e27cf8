# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-annotations
import torch
import torch.nn.functional as F
from torch import Tensor

def smoothed_bce_loss(logits: Tensor, labels: Tensor, smoothing: float=0.1) -> Tensor:
    """Computes the loss of the logits against the target."""
    y = labels * (1 - smoothing) + 0.5 * smoothing
    pos = y * F.logsigmoid(logits)
    neg = (1 - y) * F.logsigmoid(-logits)
    return -(pos + neg).sum()
