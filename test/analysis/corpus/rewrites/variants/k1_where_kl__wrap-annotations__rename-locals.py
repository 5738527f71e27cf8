# rewrite-of: bases/k1_where_kl.py via wrap-annotations, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, lam: float=0.1):
        super().__init__()
        self.alpha = lam

    def forward(self, gold: Tensor, dist: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        outputs = gold.size(-1)
        aux = F.one_hot(dist, outputs).bool()
        term_a = torch.where(aux, 1.0 - self.alpha, self.alpha / (outputs - 1))
        logq = F.log_softmax(gold, dim=-1)
        return F.kl_div(logq, term_a, reduction='sum')
