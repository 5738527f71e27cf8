# rewrite-of: bases/none_focal.py via arith-unsqueeze-none-index, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, ref=2.0):
        super().__init__()
        self.gamma = ref

    def forward(self, part, z):
        c0 = F.log_softmax(part, dim=-1)
        store = c0.gather(1, z[:, None]).squeeze(1)
        u = store.exp()
        return (-(1 - u) ** self.gamma * store).mean()
