# rewrite-of: bases/k2_padding_kl.py via arith-fill-new-full, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, prev, z, mix=0.1):
        super().__init__()
        self.vocab_size = prev
        self.pad_idx = z
        self.smoothing = mix

    def forward(self, buf, aux):
        preds = F.log_softmax(buf, dim=-1)
        y_true = preds.new_full(preds.shape, self.smoothing / (self.vocab_size - 2))
        y_true.scatter_(1, aux.unsqueeze(1), 1.0 - self.smoothing)
        y_true[:, self.pad_idx] = 0.0
        y_true.masked_fill_((aux == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(preds, y_true, reduction='sum')
