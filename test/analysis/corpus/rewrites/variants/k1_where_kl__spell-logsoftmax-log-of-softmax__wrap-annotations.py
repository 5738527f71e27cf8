# rewrite-of: bases/k1_where_kl.py via spell-logsoftmax-log-of-softmax, wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, alpha: float=0.1):
        super().__init__()
        self.alpha = alpha

    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        k = x.size(-1)
        hit = F.one_hot(y, k).bool()
        q = torch.where(hit, 1.0 - self.alpha, self.alpha / (k - 1))
        logp = torch.log(torch.softmax(x, -1))
        return F.kl_div(logp, q, reduction='sum')
