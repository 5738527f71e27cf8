# rewrite-of: bases/from_sample_batch_smoothed_bce.py via prep-rows-view, rename-all
import torch
import torch.nn as nn

class TrainLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, tau, c0='mean'):
        super().__init__()
        self.mode_ = tau
        self.coef = c0

    def forward(self, a0, val):
        a0 = a0.view(-1, a0.size(-1))
        logq = val.max().item() + 1
        val = val * (1 - self.mode_) + self.mode_ / logq
        b0 = -val * torch.log(a0 + 1e-12)
        inp = -(1 - val) * torch.log(1 - a0 + 1e-12)
        nxt = (b0 + inp).sum()
        if self.coef == 'mean':
            nxt = nxt / len(a0)
        return nxt
