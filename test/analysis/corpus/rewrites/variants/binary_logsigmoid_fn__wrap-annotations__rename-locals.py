# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-annotations, rename-locals
import torch
import torch.nn.functional as F
from torch import Tensor

def smoothed_bce_loss(acc: Tensor, nxt: Tensor, gamma_: float=0.1) -> Tensor:
    """Computes the loss of the logits against the target."""
    tgt = nxt * (1 - gamma_) + 0.5 * gamma_
    val = tgt * F.logsigmoid(acc)
    z = (1 - tgt) * F.logsigmoid(-acc)
    return -(val + z).sum()
