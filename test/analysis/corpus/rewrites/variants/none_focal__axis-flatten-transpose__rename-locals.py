# rewrite-of: bases/none_focal.py via axis-flatten-transpose, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gold=2.0):
        super().__init__()
        self.gamma = gold

    def forward(self, preds, dist):
        preds = preds.transpose(1, 2).contiguous().view(-1, preds.size(1))
        dist = dist.contiguous().view(-1)
        b0 = F.log_softmax(preds, dim=-1)
        nxt = b0.gather(1, dist.unsqueeze(1)).squeeze(1)
        vec = nxt.exp()
        return (-(1 - vec) ** self.gamma * nxt).mean()
