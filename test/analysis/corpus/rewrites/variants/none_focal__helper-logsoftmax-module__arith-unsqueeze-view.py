# rewrite-of: bases/none_focal.py via helper-logsoftmax-module, arith-unsqueeze-view
import torch
import torch.nn as nn
import torch.nn.functional as F

def _log_probs(z):
    return F.log_softmax(z, dim=-1)

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        logp = _log_probs(logits)
        logpt = logp.gather(1, target.view(-1, 1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
