# rewrite-of: bases/none_focal.py via import-from-nn-functional, rename-locals
import torch
import torch.nn as nn
from torch.nn import functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, y_true=2.0):
        super().__init__()
        self.gamma = y_true

    def forward(self, vec, tgt):
        nxt = F.log_softmax(vec, dim=-1)
        depth = nxt.gather(1, tgt.unsqueeze(1)).squeeze(1)
        cnt = depth.exp()
        return (-(1 - cnt) ** self.gamma * depth).mean()
