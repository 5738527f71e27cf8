# rewrite-of: bases/none_focal.py via import-from-functional, rename-locals
import torch
import torch.nn as nn
from torch.nn.functional import log_softmax as lsm

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, scores=2.0):
        super().__init__()
        self.gamma = scores

    def forward(self, size_, depth):
        store = lsm(size_, dim=-1)
        dist = store.gather(1, depth.unsqueeze(1)).squeeze(1)
        labels = dist.exp()
        return (-(1 - labels) ** self.gamma * dist).mean()
