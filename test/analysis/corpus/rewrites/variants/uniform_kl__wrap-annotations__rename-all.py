# rewrite-of: bases/uniform_kl.py via wrap-annotations, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class MyLoss(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, amount: float=0.1):
        super().__init__()
        self.crit = amount

    def forward(self, w_: Tensor, term_a: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        tgt = torch.log_softmax(w_, dim=-1)
        depth = w_.size(-1)
        u = torch.full_like(tgt, self.crit / depth)
        u.scatter_(1, term_a.unsqueeze(1), 1.0 - self.crit + self.crit / depth)
        return F.kl_div(tgt, u, reduction='batchmean')
