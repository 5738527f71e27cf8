# rewrite-of: bases/none_focal.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, val=2.0):
        super().__init__()
        self.gamma = val

    def forward(self, lp, inp):
        lp = lp.contiguous()
        term_b = F.log_softmax(lp, dim=-1)
        arr = term_b.gather(1, inp.unsqueeze(1)).squeeze(1)
        tgt = arr.exp()
        return (-(1 - tgt) ** self.gamma * arr).mean()
