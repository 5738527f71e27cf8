# rewrite-of: bases/k2_padding_kl.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, val, logq, rho=0.1):
        super().__init__()
        self.vocab_size = val
        self.pad_idx = logq
        self.smoothing = rho

    def forward(self, term_a, b0):
        arr = F.log_softmax(term_a, dim=-1)
        vec = torch.full_like(arr, self.smoothing / (self.vocab_size - 2))
        vec.scatter_(1, b0.unsqueeze(1), 1.0 - self.smoothing)
        vec[:, self.pad_idx] = 0.0
        vec.masked_fill_((b0 == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(arr, vec, reduction='sum')
