# rewrite-of: bases/k2_padding_kl.py via arith-logsoftmax-module-inline, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, preds, h, alpha=0.1):
        super().__init__()
        self.vocab_size = preds
        self.pad_idx = h
        self.smoothing = alpha

    def forward(self, emb, nxt):
        b0 = nn.LogSoftmax(dim=-1)(emb)
        ref = torch.full_like(b0, self.smoothing / (self.vocab_size - 2))
        ref.scatter_(1, nxt.unsqueeze(1), 1.0 - self.smoothing)
        ref[:, self.pad_idx] = 0.0
        ref.masked_fill_((nxt == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(b0, ref, reduction='sum')
