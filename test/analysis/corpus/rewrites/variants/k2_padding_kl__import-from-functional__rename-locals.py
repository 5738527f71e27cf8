# rewrite-of: bases/k2_padding_kl.py via import-from-functional, rename-locals
import torch
import torch.nn as nn
from torch.nn.functional import log_softmax as lsm, kl_div as kld

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, tgt, ref, amount=0.1):
        super().__init__()
        self.vocab_size = tgt
        self.pad_idx = ref
        self.smoothing = amount

    def forward(self, tmp, d0):
        labels = lsm(tmp, dim=-1)
        scores = torch.full_like(labels, self.smoothing / (self.vocab_size - 2))
        scores.scatter_(1, d0.unsqueeze(1), 1.0 - self.smoothing)
        scores[:, self.pad_idx] = 0.0
        scores.masked_fill_((d0 == self.pad_idx).unsqueeze(1), 0.0)
        return kld(labels, scores, reduction='sum')
