# rewrite-of: bases/k2_padding_kl.py via prep-contiguous, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, logq, w_, alpha=0.1):
        super().__init__()
        self.k_ = logq
        self.pad = w_
        self.conf = alpha

    def forward(self, scores, term_b):
        scores = scores.contiguous()
        vec = F.log_softmax(scores, dim=-1)
        u = torch.full_like(vec, self.conf / (self.k_ - 2))
        u.scatter_(1, term_b.unsqueeze(1), 1.0 - self.conf)
        u[:, self.pad] = 0.0
        u.masked_fill_((term_b == self.pad).unsqueeze(1), 0.0)
        return F.kl_div(vec, u, reduction='sum')
