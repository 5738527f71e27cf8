# rewrite-of: bases/none_focal.py via wrap-annotations, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma: float=2.0):
        super().__init__()
        self.k_ = gamma

    def forward(self, logits: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        logp = F.log_softmax(logits, dim=-1)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.k_ * logpt).mean()
