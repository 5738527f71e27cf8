# rewrite-of: bases/from_sample_batch_smoothed_bce.py via wrap-module-to-function, rename-all
import torch
import torch.nn as nn

def smoothed_loss(arr, preds, amount, acc):
    y_true = preds.max().item() + 1
    preds = preds * (1 - amount) + amount / y_true
    lp = -preds * torch.log(arr + 1e-12)
    nxt = -(1 - preds) * torch.log(1 - arr + 1e-12)
    store = (lp + nxt).sum()
    if acc == 'mean':
        store = store / len(arr)
    return store

class ClsCriterion(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, buf='mean'):
        super().__init__()
        self.p0 = beta
        self.k_ = buf

    def forward(self, ref, depth):
        return smoothed_loss(ref, depth, amount=self.p0, acc=self.k_)
