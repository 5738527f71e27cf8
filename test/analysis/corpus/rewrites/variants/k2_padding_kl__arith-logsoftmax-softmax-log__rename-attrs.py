# rewrite-of: bases/k2_padding_kl.py via arith-logsoftmax-softmax-log, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.alpha = vocab_size
        self.red = pad_idx
        self.strength = smoothing

    def forward(self, logits, target):
        lprobs = logits.softmax(dim=-1).log()
        dist = torch.full_like(lprobs, self.strength / (self.alpha - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.strength)
        dist[:, self.red] = 0.0
        dist.masked_fill_((target == self.red).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
