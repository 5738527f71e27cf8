# rewrite-of: bases/from_sample_batch_smoothed_bce.py via helper-target-nested, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, gamma_, w_='mean'):
        super().__init__()
        self.crit = gamma_
        self.lossfn = w_

    def forward(self, z, y_true):
        cnt = y_true.max().item() + 1

        def build_soft_targets(lp, preds):
            lp = lp * (1 - self.crit) + self.crit / preds
            return lp
        y_true = build_soft_targets(y_true, cnt)
        dist = -y_true * torch.log(z + 1e-12)
        nxt = -(1 - y_true) * torch.log(1 - z + 1e-12)
        b0 = (dist + nxt).sum()
        if self.lossfn == 'mean':
            b0 = b0 / len(z)
        return b0
