# rewrite-of: bases/uniform_nll_mix.py via helper-logsoftmax-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.crit = rho
        self.mix = 1.0 - rho

    @staticmethod
    def _log_probs(width):
        return F.log_softmax(width, dim=-1)

    def forward(self, y_true, lp):
        preds = self._log_probs(y_true)
        tgt = -preds.gather(dim=-1, index=lp.unsqueeze(1)).squeeze(1)
        depth = -preds.mean(dim=-1)
        aux = self.mix * tgt + self.crit * depth
        return aux.mean()
