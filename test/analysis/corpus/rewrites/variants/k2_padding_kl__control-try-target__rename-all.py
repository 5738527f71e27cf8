# rewrite-of: bases/k2_padding_kl.py via control-try-target, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, d0, z, coef=0.1):
        super().__init__()
        self.scale_ = d0
        self.red = z
        self.n_out = coef

    def forward(self, logq, preds):
        a0 = F.log_softmax(logq, dim=-1)
        try:
            depth = torch.full_like(a0, self.n_out / (self.scale_ - 2))
            depth.scatter_(1, preds.unsqueeze(1), 1.0 - self.n_out)
            depth[:, self.red] = 0.0
            depth.masked_fill_((preds == self.red).unsqueeze(1), 0.0)
        except RuntimeError:
            raise
        return F.kl_div(a0, depth, reduction='sum')
