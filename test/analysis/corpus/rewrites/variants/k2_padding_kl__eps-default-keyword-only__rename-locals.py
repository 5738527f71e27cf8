# rewrite-of: bases/k2_padding_kl.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, size_, a0, *, coef=0.1):
        super().__init__()
        self.vocab_size = size_
        self.pad_idx = a0
        self.smoothing = coef

    def forward(self, cur, labels):
        term_a = F.log_softmax(cur, dim=-1)
        tgt = torch.full_like(term_a, self.smoothing / (self.vocab_size - 2))
        tgt.scatter_(1, labels.unsqueeze(1), 1.0 - self.smoothing)
        tgt[:, self.pad_idx] = 0.0
        tgt.masked_fill_((labels == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(term_a, tgt, reduction='sum')
