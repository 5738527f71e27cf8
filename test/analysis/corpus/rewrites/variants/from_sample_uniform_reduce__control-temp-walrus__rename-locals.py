# rewrite-of: bases/from_sample_uniform_reduce.py via control-temp-walrus, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, amount: float=0.1, arr: str='mean', h=None):
        super().__init__()
        self.epsilon = amount
        self.reduction = arr
        self.weight = h

    def _reduce(self, scores):
        if self.reduction == 'mean':
            return scores.mean()
        if self.reduction == 'sum':
            return scores.sum()
        return scores

    def forward(self, emb, term_a):
        tgt = emb.size(-1)
        buf = F.log_softmax(emb, dim=-1)
        width = self._reduce(-buf.sum(dim=-1)) / tgt
        return (1 - self.epsilon) * (nxt := F.nll_loss(buf, term_a, reduction=self.reduction, weight=self.weight)) + self.epsilon * width
