# rewrite-of: bases/uniform_onehot_fn.py via wrap-annotations
import torch
import torch.nn.functional as F
from torch import Tensor

def smoothed_cross_entropy(logits: Tensor, target: Tensor, eps: float=0.1) -> Tensor:
    """Computes the loss of the logits against the target."""
    num_classes = logits.shape[-1]
    one_hot = F.one_hot(target, num_classes).to(logits.dtype)
    soft_target = (1.0 - eps) * one_hot + eps / num_classes
    log_probs = F.log_softmax(logits, dim=-1)
    return -(soft_target * log_probs).sum(-1).mean()
