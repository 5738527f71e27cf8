# rewrite-of: bases/from_sample_uniform_reduce.py via helper-logsoftmax-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, beta: float=0.1, part: str='mean', a0=None):
        super().__init__()
        self.n_out = beta
        self.coef = part
        self.p0 = a0

    def _reduce(self, nxt):
        if self.coef == 'mean':
            return nxt.mean()
        if self.coef == 'sum':
            return nxt.sum()
        return nxt

    @staticmethod
    def log_probabilities(gold):
        return F.log_softmax(gold, dim=-1)

    def forward(self, y_true, c0):
        h = y_true.size(-1)
        labels = self.log_probabilities(y_true)
        val = self._reduce(-labels.sum(dim=-1)) / h
        tgt = F.nll_loss(labels, c0, reduction=self.coef, weight=self.p0)
        return (1 - self.n_out) * tgt + self.n_out * val
