# rewrite-of: bases/k2_padding_kl.py via struct-logsoftmax-lambda, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.alpha = vocab_size
        self.k_ = pad_idx
        self.conf = smoothing

    def forward(self, logits, target):
        lsm = lambda s: F.log_softmax(s, dim=-1)
        lprobs = lsm(logits)
        dist = torch.full_like(lprobs, self.conf / (self.alpha - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.conf)
        dist[:, self.k_] = 0.0
        dist.masked_fill_((target == self.k_).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
