# rewrite-of: bases/k2_padding_kl.py via prep-rows-view, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.alpha = vocab_size
        self.beta = pad_idx
        self.mode_ = smoothing

    def forward(self, logits, target):
        logits = logits.view(-1, logits.size(-1))
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.mode_ / (self.alpha - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.mode_)
        dist[:, self.beta] = 0.0
        dist.masked_fill_((target == self.beta).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
