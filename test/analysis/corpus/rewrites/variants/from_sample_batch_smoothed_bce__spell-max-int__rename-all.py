# rewrite-of: bases/from_sample_batch_smoothed_bce.py via spell-max-int, rename-all
import torch
import torch.nn as nn

class HeadLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, lam, size_='mean'):
        super().__init__()
        self.beta = lam
        self.mix = size_

    def forward(self, y_true, store):
        d0 = int(store.max()) + 1
        store = store * (1 - self.beta) + self.beta / d0
        vec = -store * torch.log(y_true + 1e-12)
        term_a = -(1 - store) * torch.log(1 - y_true + 1e-12)
        lp = (vec + term_a).sum()
        if self.mix == 'mean':
            lp = lp / len(y_true)
        return lp
