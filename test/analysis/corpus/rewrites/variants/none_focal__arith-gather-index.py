# rewrite-of: bases/none_focal.py via arith-gather-index
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        logpt = logp[torch.arange(logp.size(0)), target]
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
