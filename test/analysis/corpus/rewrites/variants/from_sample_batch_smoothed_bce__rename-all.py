# rewrite-of: bases/from_sample_batch_smoothed_bce.py via rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, amount, prev='mean'):
        super().__init__()
        self.wt = amount
        self.conf = prev

    def forward(self, acc, outputs):
        a0 = outputs.max().item() + 1
        outputs = outputs * (1 - self.wt) + self.wt / a0
        d0 = -outputs * torch.log(acc + 1e-12)
        val = -(1 - outputs) * torch.log(1 - acc + 1e-12)
        arr = (d0 + val).sum()
        if self.conf == 'mean':
            arr = arr / len(acc)
        return arr
