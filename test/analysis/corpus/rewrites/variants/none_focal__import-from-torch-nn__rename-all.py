# rewrite-of: bases/none_focal.py via import-from-torch-nn, rename-all
import torch
from torch import nn as tnn
import torch.nn.functional as F

class ClsCriterion(tnn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, arr=2.0):
        super().__init__()
        self.mode_ = arr

    def forward(self, gold, c0):
        tmp = F.log_softmax(gold, dim=-1)
        val = tmp.gather(1, c0.unsqueeze(1)).squeeze(1)
        y_true = val.exp()
        return (-(1 - y_true) ** self.mode_ * val).mean()
