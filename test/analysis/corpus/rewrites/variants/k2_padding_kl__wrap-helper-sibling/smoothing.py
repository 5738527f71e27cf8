# rewrite-of: bases/k2_padding_kl.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_labels(lprobs, target, smoothing, vocab_size, pad_idx):
    dist = torch.full_like(lprobs, smoothing / (vocab_size - 2))
    dist.scatter_(1, target.unsqueeze(1), 1.0 - smoothing)
    dist[:, pad_idx] = 0.0
    dist.masked_fill_((target == pad_idx).unsqueeze(1), 0.0)
    return dist
