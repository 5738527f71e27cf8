# rewrite-of: bases/k2_padding_kl.py via struct-subclass-super, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class BasePaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing=0.1):
        super().__init__()
        self.red = vocab_size
        self.mix = pad_idx
        self.lossfn = smoothing

    def forward(self, logits, target):
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.lossfn / (self.red - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.lossfn)
        dist[:, self.mix] = 0.0
        dist.masked_fill_((target == self.mix).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')

class PaddedLabelSmoothing(BasePaddedLabelSmoothing):

    def forward(self, logits, target):
        return super().forward(logits, target)
