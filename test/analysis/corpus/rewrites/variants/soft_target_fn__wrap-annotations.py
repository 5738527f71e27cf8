# rewrite-of: bases/soft_target_fn.py via wrap-annotations
import torch
import torch.nn.functional as F
from torch import Tensor

def soft_target_cross_entropy(logits: Tensor, target: Tensor) -> Tensor:
    """Computes the loss of the logits against the target."""
    log_probs = F.log_softmax(logits, dim=-1)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
