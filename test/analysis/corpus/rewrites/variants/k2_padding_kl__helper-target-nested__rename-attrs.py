# rewrite-of: bases/k2_padding_kl.py via helper-target-nested, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.lossfn = vocab_size
        self.crit = pad_idx
        self.k_ = smoothing

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)

        def smoothed_labels(lprobs, target):
            dist = torch.full_like(lprobs, self.k_ / (self.lossfn - 2))
            dist.scatter_(1, target.unsqueeze(1), 1.0 - self.k_)
            dist[:, self.crit] = 0.0
            dist.masked_fill_((target == self.crit).unsqueeze(1), 0.0)
            return dist
        dist = smoothed_labels(lprobs, target)
        return F.kl_div(lprobs, dist, reduction='sum')
