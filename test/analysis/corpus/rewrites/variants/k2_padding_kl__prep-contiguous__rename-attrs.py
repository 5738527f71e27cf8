# rewrite-of: bases/k2_padding_kl.py via prep-contiguous, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.crit = vocab_size
        self.scale_ = pad_idx
        self.k_ = smoothing

    def forward(self, logits, target):
        logits = logits.contiguous()
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.k_ / (self.crit - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.k_)
        dist[:, self.scale_] = 0.0
        dist.masked_fill_((target == self.scale_).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
