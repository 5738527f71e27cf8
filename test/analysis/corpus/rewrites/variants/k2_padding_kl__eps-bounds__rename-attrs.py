# rewrite-of: bases/k2_padding_kl.py via eps-bounds, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        smoothing = max(0.0, min(1.0, smoothing))
        super().__init__()
        self.pad = vocab_size
        self.conf = pad_idx
        self.wt = smoothing

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.wt / (self.pad - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.wt)
        dist[:, self.conf] = 0.0
        dist.masked_fill_((target == self.conf).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
