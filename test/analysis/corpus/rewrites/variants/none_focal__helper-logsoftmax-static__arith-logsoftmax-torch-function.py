# rewrite-of: bases/none_focal.py via helper-logsoftmax-static, arith-logsoftmax-torch-function
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    @staticmethod
    def to_log_probs(scores):
        return torch.log_softmax(scores, dim=-1)

    def forward(self, logits, target):
        logp = self.to_log_probs(logits)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        return (-(1 - pt) ** self.gamma * logpt).mean()
