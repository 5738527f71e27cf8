# rewrite-of: bases/k2_padding_kl.py via arith-logsoftmax-softmax-log, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, ref, inp, mix=0.1):
        super().__init__()
        self.vocab_size = ref
        self.pad_idx = inp
        self.smoothing = mix

    def forward(self, buf, term_b):
        depth = buf.softmax(dim=-1).log()
        acc = torch.full_like(depth, self.smoothing / (self.vocab_size - 2))
        acc.scatter_(1, term_b.unsqueeze(1), 1.0 - self.smoothing)
        acc[:, self.pad_idx] = 0.0
        acc.masked_fill_((term_b == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(depth, acc, reduction='sum')
