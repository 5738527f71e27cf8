# rewrite-of: bases/k2_padding_kl.py via eps-default-kwargs, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, **kwargs):
        smoothing = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.k_ = vocab_size
        self.scale_ = pad_idx
        self.mix = smoothing

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.mix / (self.k_ - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.mix)
        dist[:, self.scale_] = 0.0
        dist.masked_fill_((target == self.scale_).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
