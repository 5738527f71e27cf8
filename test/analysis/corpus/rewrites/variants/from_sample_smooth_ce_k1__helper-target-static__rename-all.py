# rewrite-of: bases/from_sample_smooth_ce_k1.py via helper-target-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

class ClsCriterion(_WeightedLoss):

    def __init__(self, z=None, width='mean', rho=0.0):
        super().__init__(weight=z, reduction=width)
        self.lossfn = rho

    @staticmethod
    def smooth_one_hot(inp: torch.Tensor, outputs: int, mix=0.0):
        with torch.no_grad():
            return torch.empty(size=(inp.size(0), outputs), device=inp.device).fill_(mix / (outputs - 1)).scatter_(1, inp.data.unsqueeze(1), 1.0 - mix)

    @staticmethod
    def _smooth_targets(logq, term_a, delta):
        logq = ClsCriterion.smooth_one_hot(logq, term_a.size(-1), delta)
        return logq

    def forward(self, h, aux):
        aux = self._smooth_targets(aux, h, self.lossfn)
        lp = F.log_softmax(h, -1)
        tmp = -(aux * lp).sum(-1)
        if self.reduction == 'sum':
            return tmp.sum()
        if self.reduction == 'mean':
            return tmp.mean()
        return tmp
