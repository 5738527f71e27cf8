# rewrite-of: bases/k2_padding_kl.py via struct-config-dataclass, wrap-helper-sibling
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_labels(lprobs, target, config, vocab_size, pad_idx):
    dist = torch.full_like(lprobs, config.smoothing / (vocab_size - 2))
    dist.scatter_(1, target.unsqueeze(1), 1.0 - config.smoothing)
    dist[:, pad_idx] = 0.0
    dist.masked_fill_((target == pad_idx).unsqueeze(1), 0.0)
    return dist
