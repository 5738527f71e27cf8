# rewrite-of: bases/uniform_onehot_fn.py via form-mix-sum, wrap-annotations
import torch
import torch.nn.functional as F
from torch import Tensor

def smoothed_cross_entropy(logits: Tensor, target: Tensor, eps: float=0.1) -> Tensor:
    """Computes the loss of the logits against the target."""
    num_classes = logits.shape[-1]
    one_hot = F.one_hot(target, num_classes).to(logits.dtype)
    log_probs = F.log_softmax(logits, dim=-1)
    nll_loss = -log_probs.gather(-1, target.unsqueeze(-1)).squeeze(-1)
    smooth_loss = -log_probs.sum(dim=-1)
    return -(-((1.0 - eps) * nll_loss + eps / log_probs.size(-1) * smooth_loss)).mean()
