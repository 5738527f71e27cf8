# rewrite-of: bases/k2_padding_kl.py via arith-fill-new-full, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, h, store, rho=0.1):
        super().__init__()
        self.n_out = h
        self.coef = store
        self.mix = rho

    def forward(self, lp, buf):
        tmp = F.log_softmax(lp, dim=-1)
        c0 = tmp.new_full(tmp.shape, self.mix / (self.n_out - 2))
        c0.scatter_(1, buf.unsqueeze(1), 1.0 - self.mix)
        c0[:, self.coef] = 0.0
        c0.masked_fill_((buf == self.coef).unsqueeze(1), 0.0)
        return F.kl_div(tmp, c0, reduction='sum')
