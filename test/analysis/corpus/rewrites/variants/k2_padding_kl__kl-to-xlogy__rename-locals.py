# rewrite-of: bases/k2_padding_kl.py via kl-to-xlogy, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, term_a, c0, beta=0.1):
        super().__init__()
        self.vocab_size = term_a
        self.pad_idx = c0
        self.smoothing = beta

    def forward(self, z, arr):
        cnt = F.log_softmax(z, dim=-1)
        width = torch.full_like(cnt, self.smoothing / (self.vocab_size - 2))
        width.scatter_(1, arr.unsqueeze(1), 1.0 - self.smoothing)
        width[:, self.pad_idx] = 0.0
        width.masked_fill_((arr == self.pad_idx).unsqueeze(1), 0.0)
        return (torch.xlogy(width, width) - width * cnt).sum()
