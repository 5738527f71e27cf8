# rewrite-of: bases/none_focal.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, c0=2.0):
        super().__init__()
        self.gamma = c0

    def forward(self, outputs, tgt):
        gold = F.log_softmax(outputs, dim=-1)
        tmp = gold.gather(1, tgt.unsqueeze(1)).squeeze(1)
        preds = tmp.exp()
        return (-(1 - preds) ** self.gamma * tmp).mean()
