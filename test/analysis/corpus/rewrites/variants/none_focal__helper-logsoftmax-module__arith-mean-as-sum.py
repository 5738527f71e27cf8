# rewrite-of: bases/none_focal.py via helper-logsoftmax-module, arith-mean-as-sum
import torch
import torch.nn as nn
import torch.nn.functional as F

def _log_probs(scores):
    return F.log_softmax(scores, dim=-1)

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, target):
        logp = _log_probs(logits)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        rows = -(1 - pt) ** self.gamma * logpt
        return rows.sum() / rows.numel()
