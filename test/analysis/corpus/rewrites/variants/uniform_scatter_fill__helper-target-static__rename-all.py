# rewrite-of: bases/uniform_scatter_fill.py via helper-target-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.red = gamma_

    @staticmethod
    def _smooth_targets(h, buf, ref, amount):
        with torch.no_grad():
            y_true = torch.zeros_like(h)
            y_true.fill_(amount / buf)
            y_true.scatter_(1, ref.unsqueeze(1), 1.0 - amount + amount / buf)
        return y_true

    def forward(self, gold, dist):
        store = F.log_softmax(gold, dim=-1)
        lp = gold.size(-1)
        vec = self._smooth_targets(store, lp, dist, self.red)
        return torch.sum(-vec * store, dim=-1).mean()
