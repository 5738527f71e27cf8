# rewrite-of: bases/k2_padding_kl.py via arith-unsqueeze-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, nxt, d0, amount=0.1):
        super().__init__()
        self.vocab_size = nxt
        self.pad_idx = d0
        self.smoothing = amount

    def forward(self, gold, inp):
        tgt = F.log_softmax(gold, dim=-1)
        w_ = torch.full_like(tgt, self.smoothing / (self.vocab_size - 2))
        w_.scatter_(1, inp.view(-1, 1), 1.0 - self.smoothing)
        w_[:, self.pad_idx] = 0.0
        w_.masked_fill_((inp == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(tgt, w_, reduction='sum')
