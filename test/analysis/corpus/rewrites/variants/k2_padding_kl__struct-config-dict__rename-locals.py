# rewrite-of: bases/k2_padding_kl.py via struct-config-dict, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, part, mat, coef=0.1):
        super().__init__()
        self.vocab_size = part
        self.pad_idx = mat
        self.hparams = {'smoothing': coef}

    def forward(self, depth, store):
        logq = F.log_softmax(depth, dim=-1)
        aux = torch.full_like(logq, self.hparams['smoothing'] / (self.vocab_size - 2))
        aux.scatter_(1, store.unsqueeze(1), 1.0 - self.hparams['smoothing'])
        aux[:, self.pad_idx] = 0.0
        aux.masked_fill_((store == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(logq, aux, reduction='sum')
