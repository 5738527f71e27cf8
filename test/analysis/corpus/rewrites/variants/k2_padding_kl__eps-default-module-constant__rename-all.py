# rewrite-of: bases/k2_padding_kl.py via eps-default-module-constant, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
DEFAULT_EPS = 0.1

class ObjectiveFn(nn.Module):

    def __init__(self, tmp, outputs, lam=DEFAULT_EPS):
        super().__init__()
        self.alpha = tmp
        self.mix = outputs
        self.strength = lam

    def forward(self, a0, cur):
        buf = F.log_softmax(a0, dim=-1)
        cnt = torch.full_like(buf, self.strength / (self.alpha - 2))
        cnt.scatter_(1, cur.unsqueeze(1), 1.0 - self.strength)
        cnt[:, self.mix] = 0.0
        cnt.masked_fill_((cur == self.mix).unsqueeze(1), 0.0)
        return F.kl_div(buf, cnt, reduction='sum')
