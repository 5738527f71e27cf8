# rewrite-of: bases/none_focal.py via spell-logsoftmax-log-of-softmax, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, dist=2.0):
        super().__init__()
        self.gamma = dist

    def forward(self, w_, a0):
        ref = torch.log(torch.softmax(w_, -1))
        logq = ref.gather(1, a0.unsqueeze(1)).squeeze(1)
        mat = logq.exp()
        return (-(1 - mat) ** self.gamma * logq).mean()
