# rewrite-of: bases/none_focal.py via spell-logsoftmax-logsumexp, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, nxt=2.0):
        super().__init__()
        self.gamma = nxt

    def forward(self, scores, labels):
        w_ = scores - scores.logsumexp(-1, keepdim=True)
        c0 = w_.gather(1, labels.unsqueeze(1)).squeeze(1)
        arr = c0.exp()
        return (-(1 - arr) ** self.gamma * c0).mean()
