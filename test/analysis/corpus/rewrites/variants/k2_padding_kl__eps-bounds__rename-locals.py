# rewrite-of: bases/k2_padding_kl.py via eps-bounds, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, tmp, outputs, beta=0.1):
        beta = max(0.0, min(1.0, beta))
        super().__init__()
        self.vocab_size = tmp
        self.pad_idx = outputs
        self.smoothing = beta

    def forward(self, term_a, part):
        tgt = F.log_softmax(term_a, dim=-1)
        scores = torch.full_like(tgt, self.smoothing / (self.vocab_size - 2))
        scores.scatter_(1, part.unsqueeze(1), 1.0 - self.smoothing)
        scores[:, self.pad_idx] = 0.0
        scores.masked_fill_((part == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(tgt, scores, reduction='sum')
