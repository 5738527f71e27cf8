# rewrite-of: bases/none_focal.py via struct-logsoftmax-module, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, z=2.0):
        super().__init__()
        self.gamma = z
        self.lsm = nn.LogSoftmax(dim=-1)

    def forward(self, width, emb):
        cnt = self.lsm(width)
        outputs = cnt.gather(1, emb.unsqueeze(1)).squeeze(1)
        nxt = outputs.exp()
        return (-(1 - nxt) ** self.gamma * outputs).mean()
