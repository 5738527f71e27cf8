# rewrite-of: bases/k2_padding_kl.py via eps-hoist, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, a0, term_a, lam=0.1):
        super().__init__()
        self.vocab_size = a0
        self.pad_idx = term_a
        self.smoothing = lam

    def forward(self, cur, u):
        c0 = F.log_softmax(cur, dim=-1)
        store = self.smoothing / (self.vocab_size - 2)
        depth = torch.full_like(c0, store)
        depth.scatter_(1, u.unsqueeze(1), 1.0 - self.smoothing)
        depth[:, self.pad_idx] = 0.0
        depth.masked_fill_((u == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(c0, depth, reduction='sum')
