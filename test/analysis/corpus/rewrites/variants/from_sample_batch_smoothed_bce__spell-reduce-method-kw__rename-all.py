# rewrite-of: bases/from_sample_batch_smoothed_bce.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn as nn

class TrainLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, coef, part='mean'):
        super().__init__()
        self.crit = coef
        self.scale_ = part

    def forward(self, tgt, gold):
        arr = gold.max().item() + 1
        gold = gold * (1 - self.crit) + self.crit / arr
        aux = -gold * torch.log(tgt + 1e-12)
        scores = -(1 - gold) * torch.log(1 - tgt + 1e-12)
        labels = (aux + scores).sum()
        if self.scale_ == 'mean':
            labels = labels / len(tgt)
        return labels
