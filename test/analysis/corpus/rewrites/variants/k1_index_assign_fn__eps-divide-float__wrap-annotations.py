# rewrite-of: bases/k1_index_assign_fn.py via eps-divide-float, wrap-annotations
import torch
import torch.nn.functional as F
from torch import Tensor

def k_minus_one_smoothing_loss(logits: Tensor, target: Tensor, eps: float=0.1) -> Tensor:
    """Computes the loss of the logits against the target."""
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = torch.full_like(logp, eps / float(k - 1))
    q[torch.arange(n), target] = 1.0 - eps
    return -(q * logp).sum()
