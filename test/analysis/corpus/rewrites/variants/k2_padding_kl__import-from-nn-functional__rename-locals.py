# rewrite-of: bases/k2_padding_kl.py via import-from-nn-functional, rename-locals
import torch
import torch.nn as nn
from torch.nn import functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, arr, term_a, delta=0.1):
        super().__init__()
        self.vocab_size = arr
        self.pad_idx = term_a
        self.smoothing = delta

    def forward(self, vec, scores):
        h = F.log_softmax(vec, dim=-1)
        mat = torch.full_like(h, self.smoothing / (self.vocab_size - 2))
        mat.scatter_(1, scores.unsqueeze(1), 1.0 - self.smoothing)
        mat[:, self.pad_idx] = 0.0
        mat.masked_fill_((scores == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(h, mat, reduction='sum')
