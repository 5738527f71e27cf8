# rewrite-of: bases/none_focal.py via wrap-dunder-call
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def __call__(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
