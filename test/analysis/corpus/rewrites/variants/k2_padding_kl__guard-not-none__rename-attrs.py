# rewrite-of: bases/k2_padding_kl.py via guard-not-none, rename-attrs
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing: Optional[float]=0.1):
        super().__init__()
        self.strength = vocab_size
        self.mode_ = pad_idx
        self.mix = smoothing

    def forward(self, logits, target):
        if self.mix is not None:
            lprobs = F.log_softmax(logits, dim=-1)
            dist = torch.full_like(lprobs, self.mix / (self.strength - 2))
            dist.scatter_(1, target.unsqueeze(1), 1.0 - self.mix)
            dist[:, self.mode_] = 0.0
            dist.masked_fill_((target == self.mode_).unsqueeze(1), 0.0)
            return F.kl_div(lprobs, dist, reduction='sum')
        else:
            return F.cross_entropy(logits, target, ignore_index=self.mode_, reduction='sum')
