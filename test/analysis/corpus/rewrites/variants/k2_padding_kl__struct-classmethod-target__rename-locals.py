# rewrite-of: bases/k2_padding_kl.py via struct-classmethod-target, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, depth, arr, gamma_=0.1):
        super().__init__()
        self.vocab_size = depth
        self.pad_idx = arr
        self.smoothing = gamma_

    @classmethod
    def smoothed_labels(tgt, prev, logq, rho, inp, u):
        store = torch.full_like(prev, rho / (inp - 2))
        store.scatter_(1, logq.unsqueeze(1), 1.0 - rho)
        store[:, u] = 0.0
        store.masked_fill_((logq == u).unsqueeze(1), 0.0)
        return store

    def forward(self, c0, scores):
        acc = F.log_softmax(c0, dim=-1)
        tmp = self.smoothed_labels(acc, scores, self.smoothing, self.vocab_size, self.pad_idx)
        return F.kl_div(acc, tmp, reduction='sum')
