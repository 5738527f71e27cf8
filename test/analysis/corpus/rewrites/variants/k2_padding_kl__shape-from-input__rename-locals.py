# rewrite-of: bases/k2_padding_kl.py via shape-from-input, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, aux, arr, rho=0.1):
        super().__init__()
        self.vocab_size = aux
        self.pad_idx = arr
        self.smoothing = rho

    def forward(self, depth, size_):
        term_b = F.log_softmax(depth, dim=-1)
        y_true = torch.full_like(term_b, self.smoothing / (depth.size(-1) - 2))
        y_true.scatter_(1, size_.unsqueeze(1), 1.0 - self.smoothing)
        y_true[:, self.pad_idx] = 0.0
        y_true.masked_fill_((size_ == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(term_b, y_true, reduction='sum')
