# rewrite-of: bases/k2_padding_kl.py via arith-fill-ones-mul, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, emb, tmp, tau=0.1):
        super().__init__()
        self.vocab_size = emb
        self.pad_idx = tmp
        self.smoothing = tau

    def forward(self, depth, term_b):
        nxt = F.log_softmax(depth, dim=-1)
        vec = torch.ones_like(nxt) * (self.smoothing / (self.vocab_size - 2))
        vec.scatter_(1, term_b.unsqueeze(1), 1.0 - self.smoothing)
        vec[:, self.pad_idx] = 0.0
        vec.masked_fill_((term_b == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(nxt, vec, reduction='sum')
