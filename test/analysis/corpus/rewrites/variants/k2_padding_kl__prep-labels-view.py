# rewrite-of: bases/k2_padding_kl.py via prep-labels-view
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.pad_idx = pad_idx
        self.smoothing = smoothing

    def forward(self, logits, target):
        target = target.view(-1)
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.smoothing / (self.vocab_size - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        dist[:, self.pad_idx] = 0.0
        dist.masked_fill_((target == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
