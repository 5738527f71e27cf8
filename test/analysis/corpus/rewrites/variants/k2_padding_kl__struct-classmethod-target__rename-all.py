# rewrite-of: bases/k2_padding_kl.py via struct-classmethod-target, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):

    def __init__(self, d0, a0, coef=0.1):
        super().__init__()
        self.beta = d0
        self.mix = a0
        self.strength = coef

    @classmethod
    def _smooth_targets(outputs, width, emb, gamma_, c0, store):
        tmp = torch.full_like(width, gamma_ / (c0 - 2))
        tmp.scatter_(1, emb.unsqueeze(1), 1.0 - gamma_)
        tmp[:, store] = 0.0
        tmp.masked_fill_((emb == store).unsqueeze(1), 0.0)
        return tmp

    def forward(self, gold, y_true):
        b0 = F.log_softmax(gold, dim=-1)
        logq = self._smooth_targets(b0, y_true, self.strength, self.beta, self.mix)
        return F.kl_div(b0, logq, reduction='sum')
