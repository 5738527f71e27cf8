# rewrite-of: bases/k2_padding_kl.py via helper-logsoftmax-static, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.strength = vocab_size
        self.pad = pad_idx
        self.beta = smoothing

    @staticmethod
    def normalize_logits(scores):
        return F.log_softmax(scores, dim=-1)

    def forward(self, logits, target):
        lprobs = self.normalize_logits(logits)
        dist = torch.full_like(lprobs, self.beta / (self.strength - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.beta)
        dist[:, self.pad] = 0.0
        dist.masked_fill_((target == self.pad).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
