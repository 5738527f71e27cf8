# rewrite-of: bases/k2_padding_kl.py via eps-default-none-default, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, cur, tmp, tau=None):
        if tau is None:
            tau = 0.1
        super().__init__()
        self.scale_ = cur
        self.conf = tmp
        self.strength = tau

    def forward(self, arr, z):
        mat = F.log_softmax(arr, dim=-1)
        buf = torch.full_like(mat, self.strength / (self.scale_ - 2))
        buf.scatter_(1, z.unsqueeze(1), 1.0 - self.strength)
        buf[:, self.conf] = 0.0
        buf.masked_fill_((z == self.conf).unsqueeze(1), 0.0)
        return F.kl_div(mat, buf, reduction='sum')
