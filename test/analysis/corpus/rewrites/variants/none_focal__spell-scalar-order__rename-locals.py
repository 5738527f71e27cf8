# rewrite-of: bases/none_focal.py via spell-scalar-order, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, acc=2.0):
        super().__init__()
        self.gamma = acc

    def forward(self, arr, term_a):
        z = F.log_softmax(arr, dim=-1)
        inp = z.gather(1, term_a.unsqueeze(1)).squeeze(1)
        nxt = inp.exp()
        return (inp * -(1 - nxt) ** self.gamma).mean()
