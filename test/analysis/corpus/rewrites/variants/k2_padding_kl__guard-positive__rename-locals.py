# rewrite-of: bases/k2_padding_kl.py via guard-positive, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, u, b0, gamma_=0.1):
        super().__init__()
        self.vocab_size = u
        self.pad_idx = b0
        self.smoothing = gamma_

    def forward(self, w_, depth):
        if self.smoothing > 0:
            a0 = F.log_softmax(w_, dim=-1)
            width = torch.full_like(a0, self.smoothing / (self.vocab_size - 2))
            width.scatter_(1, depth.unsqueeze(1), 1.0 - self.smoothing)
            width[:, self.pad_idx] = 0.0
            width.masked_fill_((depth == self.pad_idx).unsqueeze(1), 0.0)
            return F.kl_div(a0, width, reduction='sum')
        else:
            return F.cross_entropy(w_, depth, ignore_index=self.pad_idx, reduction='sum')
