# rewrite-of: bases/none_focal.py via arith-unsqueeze-view, import-from-functional
import torch
import torch.nn as nn
from torch.nn.functional import log_softmax as lsm

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        logp = lsm(logits, dim=-1)
        logpt = logp.gather(1, target.view(-1, 1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
