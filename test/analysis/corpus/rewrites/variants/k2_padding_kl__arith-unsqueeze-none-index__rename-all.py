# rewrite-of: bases/k2_padding_kl.py via arith-unsqueeze-none-index, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, term_a, aux, coef=0.1):
        super().__init__()
        self.pad = term_a
        self.beta = aux
        self.mode_ = coef

    def forward(self, u, size_):
        d0 = F.log_softmax(u, dim=-1)
        depth = torch.full_like(d0, self.mode_ / (self.pad - 2))
        depth.scatter_(1, size_[:, None], 1.0 - self.mode_)
        depth[:, self.beta] = 0.0
        depth.masked_fill_((size_ == self.beta).unsqueeze(1), 0.0)
        return F.kl_div(d0, depth, reduction='sum')
