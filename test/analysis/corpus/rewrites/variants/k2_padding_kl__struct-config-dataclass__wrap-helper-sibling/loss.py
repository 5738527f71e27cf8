# rewrite-of: bases/k2_padding_kl.py via struct-config-dataclass, wrap-helper-sibling
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F
from .smoothing import smoothed_labels

@dataclass
class LossConfig:
    smoothing: float = 0.1

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.pad_idx = pad_idx
        self.config = LossConfig(smoothing=smoothing)

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)
        dist = smoothed_labels(lprobs, target, self.config, self.vocab_size, self.pad_idx)
        return F.kl_div(lprobs, dist, reduction='sum')
