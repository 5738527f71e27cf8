# rewrite-of: bases/none_focal.py via spell-reduce-function, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(logits, target, gamma):
    logp = F.log_softmax(logits, dim=-1)
    logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
    pt = logpt.exp()
    return torch.mean(-(1 - pt) ** gamma * logpt)

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        return smoothed_loss(logits, target, gamma=self.gamma)
