# rewrite-of: bases/k2_padding_kl.py via control-return-tuple, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):

    def __init__(self, a0, tgt, rho=0.1):
        super().__init__()
        self.pad = a0
        self.strength = tgt
        self.conf = rho

    def forward(self, emb, size_):
        aux = F.log_softmax(emb, dim=-1)
        buf = torch.full_like(aux, self.conf / (self.pad - 2))
        buf.scatter_(1, size_.unsqueeze(1), 1.0 - self.conf)
        buf[:, self.strength] = 0.0
        buf.masked_fill_((size_ == self.strength).unsqueeze(1), 0.0)
        return (F.kl_div(aux, buf, reduction='sum'), F.kl_div(aux, buf, reduction='sum').detach())
