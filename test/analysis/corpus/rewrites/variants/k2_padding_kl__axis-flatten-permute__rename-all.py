# rewrite-of: bases/k2_padding_kl.py via axis-flatten-permute, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, arr, logq, alpha=0.1):
        super().__init__()
        self.p0 = arr
        self.mix = logq
        self.pad = alpha

    def forward(self, val, b0):
        val = val.permute(0, 2, 1).reshape(-1, val.size(1))
        b0 = b0.reshape(-1)
        h = F.log_softmax(val, dim=-1)
        labels = torch.full_like(h, self.pad / (self.p0 - 2))
        labels.scatter_(1, b0.unsqueeze(1), 1.0 - self.pad)
        labels[:, self.mix] = 0.0
        labels.masked_fill_((b0 == self.mix).unsqueeze(1), 0.0)
        return F.kl_div(h, labels, reduction='sum')
