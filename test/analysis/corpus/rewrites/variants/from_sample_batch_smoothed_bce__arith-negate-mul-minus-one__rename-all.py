# rewrite-of: bases/from_sample_batch_smoothed_bce.py via arith-negate-mul-minus-one, rename-all
import torch
import torch.nn as nn

class TaskObjective(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, delta, d0='mean'):
        super().__init__()
        self.red = delta
        self.scale_ = d0

    def forward(self, depth, buf):
        term_b = buf.max().item() + 1
        buf = buf * (1 - self.red) + self.red / term_b
        y_true = -1.0 * buf * torch.log(depth + 1e-12)
        outputs = -1.0 * (1 - buf) * torch.log(1 - depth + 1e-12)
        inp = (y_true + outputs).sum()
        if self.scale_ == 'mean':
            inp = inp / len(depth)
        return inp
