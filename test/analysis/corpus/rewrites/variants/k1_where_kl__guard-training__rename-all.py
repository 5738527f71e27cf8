# rewrite-of: bases/k1_where_kl.py via guard-training, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, delta=0.1):
        super().__init__()
        self.pad = delta

    def forward(self, cnt, z):
        if self.training:
            aux = cnt.size(-1)
            buf = F.one_hot(z, aux).bool()
            mat = torch.where(buf, 1.0 - self.pad, self.pad / (aux - 1))
            ref = F.log_softmax(cnt, dim=-1)
            return F.kl_div(ref, mat, reduction='sum')
        else:
            return F.nll_loss(F.log_softmax(cnt, dim=-1), z, reduction='sum')
