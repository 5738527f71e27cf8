# rewrite-of: bases/k2_padding_kl.py via wrap-helper-sibling, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_labels

class MyLoss(nn.Module):

    def __init__(self, part, tgt, delta=0.1):
        super().__init__()
        self.coef = part
        self.p0 = tgt
        self.n_out = delta

    def forward(self, tmp, prev):
        arr = F.log_softmax(tmp, dim=-1)
        buf = smoothed_labels(arr, prev, self.n_out, self.coef, self.p0)
        return F.kl_div(arr, buf, reduction='sum')
