# rewrite-of: bases/k2_padding_kl.py via control-target-clone, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.red = vocab_size
        self.alpha = pad_idx
        self.conf = smoothing

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.conf / (self.red - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.conf)
        dist[:, self.alpha] = 0.0
        dist.masked_fill_((target == self.alpha).unsqueeze(1), 0.0)
        dist = dist.clone()
        return F.kl_div(lprobs, dist, reduction='sum')
