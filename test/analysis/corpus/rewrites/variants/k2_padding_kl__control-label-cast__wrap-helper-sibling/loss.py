# rewrite-of: bases/k2_padding_kl.py via control-label-cast, wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import build_soft_targets

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.pad_idx = pad_idx
        self.smoothing = smoothing

    def forward(self, logits, target):
        target = target.long()
        lprobs = F.log_softmax(logits, dim=-1)
        dist = build_soft_targets(lprobs, target, self.smoothing, self.vocab_size, self.pad_idx)
        return F.kl_div(lprobs, dist, reduction='sum')
