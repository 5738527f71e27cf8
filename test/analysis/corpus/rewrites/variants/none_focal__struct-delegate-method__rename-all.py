# rewrite-of: bases/none_focal.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, h=2.0):
        super().__init__()
        self.strength = h

    def forward(self, dist, b0):
        return self.loss_terms(dist, b0)

    def loss_terms(self, buf, a0):
        preds = F.log_softmax(buf, dim=-1)
        tmp = preds.gather(1, a0.unsqueeze(1)).squeeze(1)
        ref = tmp.exp()
        return (-(1 - ref) ** self.strength * tmp).mean()
