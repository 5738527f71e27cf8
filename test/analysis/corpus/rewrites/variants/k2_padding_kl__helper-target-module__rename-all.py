# rewrite-of: bases/k2_padding_kl.py via helper-target-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_labels(mat, store, alpha, aux, cnt):
    a0 = torch.full_like(mat, alpha / (aux - 2))
    a0.scatter_(1, store.unsqueeze(1), 1.0 - alpha)
    a0[:, cnt] = 0.0
    a0.masked_fill_((store == cnt).unsqueeze(1), 0.0)
    return a0

class TrainLoss(nn.Module):

    def __init__(self, z, size_, gamma_=0.1):
        super().__init__()
        self.mode_ = z
        self.p0 = size_
        self.n_out = gamma_

    def forward(self, b0, h):
        part = F.log_softmax(b0, dim=-1)
        buf = smoothed_labels(part, h, self.n_out, self.mode_, self.p0)
        return F.kl_div(part, buf, reduction='sum')
