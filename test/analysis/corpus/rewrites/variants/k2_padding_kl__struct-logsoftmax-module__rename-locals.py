# rewrite-of: bases/k2_padding_kl.py via struct-logsoftmax-module, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, emb, size_, delta=0.1):
        super().__init__()
        self.vocab_size = emb
        self.pad_idx = size_
        self.smoothing = delta
        self.normalize = nn.LogSoftmax(dim=-1)

    def forward(self, tgt, aux):
        u = self.normalize(tgt)
        prev = torch.full_like(u, self.smoothing / (self.vocab_size - 2))
        prev.scatter_(1, aux.unsqueeze(1), 1.0 - self.smoothing)
        prev[:, self.pad_idx] = 0.0
        prev.masked_fill_((aux == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(u, prev, reduction='sum')
